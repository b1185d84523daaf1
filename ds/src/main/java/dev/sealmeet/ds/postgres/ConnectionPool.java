package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * A small bounded pool of JDBC connections, each used by one transaction at a time. A connection
 * idle for a while is validated before it is lent out; one that failed is closed and replaced by a
 * new one on the next borrow, so a restarted database is used again without restarting the node.
 * Waiting for a free connection is bounded: a pool exhausted by a hung database fails with a
 * {@link StoreException} instead of hanging its callers.
 */
final class ConnectionPool implements AutoCloseable {
  /** A connection idle longer than this is validated before use. */
  private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** Seconds a validation query may take. */
  private static final int VALIDATE_TIMEOUT_SECONDS = 2;

  private final DataSource source;
  private final long borrowTimeoutMillis;
  private final Semaphore permits;
  private final LinkedBlockingQueue<Idle> idle = new LinkedBlockingQueue<>();
  private final Set<Integer> backendPids = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private record Idle(Connection connection, int backendPid, long since) {}

  /** A lent connection with the server process that serves it. */
  record Lease(Connection connection, int backendPid) {}

  ConnectionPool(DataSource source, int size, long borrowTimeoutMillis) {
    if (size < 1) {
      throw new IllegalArgumentException("a pool of " + size + " connections");
    }
    this.source = source;
    this.borrowTimeoutMillis = borrowTimeoutMillis;
    this.permits = new Semaphore(size, true);
  }

  /**
   * Lends a connection (auto-commit off, READ COMMITTED); give it back with {@link #release}.
   *
   * @throws StoreException if none is free in time or a new one cannot be opened
   */
  Lease borrow() throws StoreException {
    if (closed) {
      throw new StoreException("the PostgreSQL store is closed");
    }
    try {
      if (!permits.tryAcquire(borrowTimeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new StoreException("no PostgreSQL connection free within " + borrowTimeoutMillis
            + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for a PostgreSQL connection", e);
    }
    try {
      for (Idle candidate = idle.poll(); candidate != null; candidate = idle.poll()) {
        if (usable(candidate)) {
          return new Lease(candidate.connection(), candidate.backendPid());
        }
        discard(candidate.connection(), candidate.backendPid());
      }
      return open();
    } catch (StoreException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Takes a connection back; a {@code broken} one is closed, and a new one opened later. */
  void release(Lease lease, boolean broken) {
    try {
      if (broken || closed) {
        discard(lease.connection(), lease.backendPid());
      } else {
        idle.add(new Idle(lease.connection(), lease.backendPid(), System.nanoTime()));
      }
    } finally {
      permits.release();
    }
    if (closed) {
      drain();
    }
  }

  /** One transaction's statements on a lent connection. */
  @FunctionalInterface
  interface Work<T> {
    /** Runs the statements; may roll back itself (then nothing is committed). */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction and commits it. A failure rolls it back; if the
   * connection was lost the effect is unknown (a commit may have reached the server), which the
   * {@link StoreException} says.
   *
   * @param operation a fixed word naming the call, for the failure's message
   */
  <T> T inTransaction(String operation, Work<T> work) throws StoreException {
    Lease lease = borrow();
    boolean broken = false;
    try {
      T result = work.run(lease.connection());
      lease.connection().commit();
      return result;
    } catch (SQLException e) {
      broken = SqlFailures.connectionLost(e) || !rollback(lease.connection());
      throw SqlFailures.storeException(operation, e);
    } catch (RuntimeException | Error e) {
      broken = !rollback(lease.connection());
      throw e;
    } finally {
      release(lease, broken);
    }
  }

  private static boolean rollback(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Whether {@code pid} is the server process of one of this pool's connections. */
  boolean ownsBackend(int pid) {
    return backendPids.contains(pid);
  }

  /** Closes the idle connections; lent ones are closed when given back. */
  @Override
  public void close() {
    closed = true;
    drain();
  }

  private void drain() {
    for (Idle c = idle.poll(); c != null; c = idle.poll()) {
      discard(c.connection(), c.backendPid());
    }
  }

  private static boolean usable(Idle candidate) {
    try {
      if (candidate.connection().isClosed()) {
        return false;
      }
      return System.nanoTime() - candidate.since() < VALIDATE_AFTER_NANOS
          || candidate.connection().isValid(VALIDATE_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private Lease open() throws StoreException {
    Connection connection = null;
    try {
      connection = source.getConnection();
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      int pid = connection.unwrap(PGConnection.class).getBackendPID();
      backendPids.add(pid);
      return new Lease(connection, pid);
    } catch (SQLException e) {
      if (connection != null) {
        closeQuietly(connection);
      }
      throw SqlFailures.storeException("connect", e);
    }
  }

  private void discard(Connection connection, int pid) {
    backendPids.remove(pid);
    closeQuietly(connection);
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already broken: nothing left to release on our side.
    }
  }
}
