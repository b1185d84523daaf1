package dev.sealmeet.ds.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells listeners which meeting got new entries: at once for appends through this node, and
 * through PostgreSQL LISTEN/NOTIFY for appends by other nodes. The append transaction sends
 * {@code pg_notify(CHANNEL, hex meeting id)}, which PostgreSQL delivers when it commits; one
 * dedicated connection on one daemon thread listens, and reconnects (with a growing pause) when
 * the connection drops. Notifications lost while it is down are not replayed: readers poll too.
 */
final class AppendNotifier implements AutoCloseable {
  /** The NOTIFY channel. */
  static final String CHANNEL = "sealmeet_append";

  private static final System.Logger LOG = System.getLogger(AppendNotifier.class.getName());

  /** How long one wait for notifications lasts, so that close is noticed. */
  private static final int WAIT_MILLIS = 250;

  /** How often an idle listening connection is checked (a silent network would hide its loss). */
  private static final long PING_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;

  private final DataSource source;
  private final IntPredicate ownBackend;
  private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private Thread thread;
  private volatile Connection listening;
  private volatile boolean closed;
  private volatile boolean connected;

  /**
   * A notifier that listens on connections from {@code source} and skips notifications sent by a
   * server process for which {@code ownBackend} holds (this node's appends, told at once).
   */
  AppendNotifier(DataSource source, IntPredicate ownBackend) {
    this.source = source;
    this.ownBackend = ownBackend;
  }

  /** Registers {@code listener}, starting the listening thread on the first one. */
  AutoCloseable add(Consumer<byte[]> listener) {
    listeners.add(listener);
    synchronized (lock) {
      if (thread == null && !closed) {
        thread = new Thread(this::listen, "sealmeet-pg-listen");
        thread.setDaemon(true);
        thread.start();
      }
    }
    return () -> listeners.remove(listener);
  }

  /** Whether the listening connection is up (for tests and health checks). */
  boolean connected() {
    return connected;
  }

  /** Tells the listeners about an append by this node, on the calling thread. */
  void appended(byte[] meetingId) {
    for (Consumer<byte[]> listener : listeners) {
      try {
        listener.accept(meetingId.clone());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an append listener failed: " + e.getClass().getSimpleName());
      }
    }
  }

  private void listen() {
    long pause = FIRST_PAUSE_MILLIS;
    while (!closed) {
      try (Connection connection = source.getConnection()) {
        listening = connection;
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        connected = true;
        pause = FIRST_PAUSE_MILLIS;
        receive(connection);
      } catch (SQLException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "PostgreSQL listening connection lost (SQLState "
              + e.getSQLState() + "); reconnecting in " + pause + " ms");
        }
      } finally {
        connected = false;
        listening = null;
      }
      if (!pauseFor(pause)) {
        return;
      }
      pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
    }
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    long lastHeard = System.nanoTime();
    while (!closed) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications != null && notifications.length > 0) {
        lastHeard = System.nanoTime();
        for (PGNotification n : notifications) {
          dispatch(n);
        }
      } else if (System.nanoTime() - lastHeard > PING_NANOS) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT 1");
        }
        lastHeard = System.nanoTime();
      }
    }
  }

  private void dispatch(PGNotification n) {
    if (!CHANNEL.equals(n.getName()) || ownBackend.test(n.getPID())) {
      return;
    }
    byte[] meetingId;
    try {
      meetingId = HexFormat.of().parseHex(n.getParameter());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "a malformed append notification was ignored");
      return;
    }
    appended(meetingId);
  }

  private boolean pauseFor(long millis) {
    try {
      Thread.sleep(millis);
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Stops listening and closes the listening connection. */
  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      closed = true;
      running = thread;
    }
    listeners.clear();
    if (running == null) {
      return;
    }
    running.interrupt();
    try {
      running.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection still = listening;
    if (still != null) {
      ConnectionPool.closeQuietly(still);
    }
  }
}
