package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MeetingHead;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.StoredAnswer;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A {@link LogStore} in PostgreSQL, shared by any number of stateless server nodes: each node
 * opens its own store object on the same database. Every cross-node rule is decided by the
 * database inside one transaction: appends to a meeting are serialized by its row lock, a second
 * commit of an epoch is impossible by the primary key of {@code commits} (RFC 9420 §14: the first
 * valid commit of an epoch wins), a submit id has one answer by the primary key of {@code answers},
 * and a KeyPackage is handed out once by deleting it with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>The schema is migrated by Flyway when the store opens ({@code db/migration}). Each store has
 * a small pool of its own connections and one more that LISTENs for other nodes' appends. Every
 * connection has connect and socket timeouts, so a database that is down or unreachable makes a
 * call fail with {@link StoreException} instead of hanging it. Nothing a meeting carries (payload
 * bytes, account names) appears in a log line or an exception message.
 */
public final class PostgresLogStore implements LogStore {
  /** Connections per store unless told otherwise. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /** Seconds to open a connection (TCP connect and login). */
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  /** Seconds a call may wait for the server's answer before its connection is given up. */
  static final int SOCKET_TIMEOUT_SECONDS = 30;

  /**
   * Milliseconds the server lets a session sit idle inside a transaction before it ends the
   * session: a node that vanished (a partition, a killed process) while holding a meeting's row
   * lock would otherwise block every append to that meeting until the server noticed the dead
   * connection, which by TCP keepalive can take hours. Our transactions never wait on anything
   * but the database.
   */
  static final int IDLE_IN_TRANSACTION_MILLIS = 30_000;

  /** Milliseconds a call waits for a free pooled connection. */
  static final long BORROW_TIMEOUT_MILLIS = 10_000;

  /** Tries to claim a plain KeyPackage that concurrent claimers have locked, before last resort. */
  private static final int CLAIM_TRIES = 5;

  private final ConnectionPool pool;
  private final AppendNotifier notifier;

  private PostgresLogStore(PGSimpleDataSource source, int poolSize) {
    this.pool = new ConnectionPool(source, poolSize, BORROW_TIMEOUT_MILLIS);
    this.notifier = new AppendNotifier(source, pool::ownsBackend);
  }

  /** Opens the store at {@code jdbcUrl} with {@link #DEFAULT_POOL_SIZE} connections. */
  public static PostgresLogStore open(String jdbcUrl, String user, String password)
      throws StoreException {
    return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * Opens the store at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database}) and
   * migrates its schema. Timeouts given in the URL win over this class's defaults.
   *
   * @param user the database user, or null to take it from the URL
   * @param password its password, or null to take it from the URL
   * @param poolSize connections kept for calls (one more listens for notifications)
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static PostgresLogStore open(String jdbcUrl, String user, String password, int poolSize)
      throws StoreException {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }
    Properties given = Driver.parseURL(jdbcUrl, null);
    if (given == null) {
      throw new IllegalArgumentException("a malformed PostgreSQL JDBC URL");
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(jdbcUrl);
    if (!given.containsKey(PGProperty.CONNECT_TIMEOUT.getName())) {
      source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    }
    if (!given.containsKey(PGProperty.LOGIN_TIMEOUT.getName())) {
      source.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
    }
    if (!given.containsKey(PGProperty.SOCKET_TIMEOUT.getName())) {
      source.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
    }
    if (!given.containsKey(PGProperty.TCP_KEEP_ALIVE.getName())) {
      source.setTcpKeepAlive(true);
    }
    if (!given.containsKey(PGProperty.OPTIONS.getName())) {
      source.setOptions("-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_MILLIS);
    }
    if (!given.containsKey(PGProperty.APPLICATION_NAME.getName())) {
      source.setApplicationName("sealmeet-ds");
    }
    if (user != null) {
      source.setUser(user);
    }
    if (password != null) {
      source.setPassword(password);
    }
    try {
      Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      throw new StoreException("PostgreSQL schema migration failed ("
          + e.getClass().getSimpleName() + ")", e);
    }
    return new PostgresLogStore(source, poolSize);
  }

  @Override
  public byte[] serverIdentity(Supplier<byte[]> create) throws StoreException {
    Optional<byte[]> stored = pool.inTransaction("serverIdentity", PostgresLogStore::identity);
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] made = Objects.requireNonNull(create.get(), "created identity");
    return pool.inTransaction("serverIdentity", c -> {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO server_identity (identity) VALUES (?) ON CONFLICT DO NOTHING")) {
        insert.setBytes(1, made);
        insert.executeUpdate();
      }
      return identity(c).orElseThrow(() -> new SQLException("no identity after insert", "XX000"));
    });
  }

  private static Optional<byte[]> identity(java.sql.Connection c) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT identity FROM server_identity");
        ResultSet row = select.executeQuery()) {
      return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
    }
  }

  @Override
  public boolean createMeeting(byte[] meetingId, long epoch, byte[] groupInfo, String opener)
      throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(groupInfo, "groupInfo");
    Objects.requireNonNull(opener, "opener");
    if (epoch < 0) {
      throw new IllegalArgumentException("a negative epoch");
    }
    return pool.inTransaction("createMeeting", c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO meetings"
          + " (id, epoch, group_info, opener) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
        insert.setBytes(1, meetingId);
        insert.setLong(2, epoch);
        insert.setBytes(3, groupInfo);
        insert.setString(4, opener);
        return insert.executeUpdate() == 1;
      }
    });
  }

  @Override
  public Optional<MeetingHead> head(byte[] meetingId) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    return pool.inTransaction("head", c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT epoch, group_info, next_seq, ended FROM meetings WHERE id = ?")) {
        select.setBytes(1, meetingId);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(new MeetingHead(row.getLong(1), row.getBytes(2), row.getLong(3),
                  row.getBoolean(4)))
              : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<StoredAnswer> answer(byte[] meetingId, byte[] submitId) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(submitId, "submitId");
    return pool.inTransaction("answer", c -> Answers.find(c, meetingId, submitId));
  }

  @Override
  public AppendOutcome append(AppendRequest request) throws StoreException {
    AppendOutcome outcome = pool.inTransaction("append", new AppendTransaction(request)::run);
    if (outcome instanceof AppendOutcome.Appended appended && appended.sequence() > 0) {
      notifier.appended(request.meetingId());
    }
    return outcome;
  }

  @Override
  public List<SequencedEnvelope> read(byte[] meetingId, long fromSequence, int limit)
      throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    if (limit <= 0) {
      return List.of();
    }
    return pool.inTransaction("read", c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT seq, bytes FROM entries"
          + " WHERE meeting = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
        select.setBytes(1, meetingId);
        select.setLong(2, Math.max(1, fromSequence));
        select.setInt(3, limit);
        List<SequencedEnvelope> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            entries.add(new SequencedEnvelope(row.getLong(1), row.getBytes(2)));
          }
        }
        return List.copyOf(entries);
      }
    });
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(entry, "entry");
    pool.inTransaction("publishKeyPackage", c -> {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO key_packages"
          + " (meeting, account, last_resort, bytes) VALUES (?, ?, ?, ?)")) {
        insert.setBytes(1, meetingId);
        insert.setString(2, entry.account());
        insert.setBoolean(3, entry.lastResort());
        insert.setBytes(4, entry.keyPackage());
        insert.executeUpdate();
        return null;
      }
    });
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(account, "account");
    return pool.inTransaction("claimKeyPackage", c -> {
      for (int i = 0; i < CLAIM_TRIES; i++) {
        Optional<byte[]> plain = KeyPackageQueries.takePlain(c, meetingId, account);
        if (plain.isPresent()) {
          return Optional.of(new KeyPackageEntry(account, false, plain.get()));
        }
        if (!KeyPackageQueries.plainLeft(c, meetingId, account)) {
          break;
        }
      }
      return KeyPackageQueries.lastResort(c, meetingId, account)
          .map(bytes -> new KeyPackageEntry(account, true, bytes));
    });
  }

  @Override
  public boolean knock(byte[] meetingId, String account, int max) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(account, "account");
    return pool.inTransaction("knock", c -> LobbyQueries.knock(c, meetingId, account, max));
  }

  @Override
  public List<String> knocks(byte[] meetingId, int from) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    return pool.inTransaction("knocks", c -> LobbyQueries.knocks(c, meetingId, from));
  }

  @Override
  public boolean isReader(byte[] meetingId, String account) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    Objects.requireNonNull(account, "account");
    return pool.inTransaction("isReader", c -> LobbyQueries.isReader(c, meetingId, account));
  }

  @Override
  public void compact(byte[] meetingId, long belowSequence) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    pool.inTransaction("compact", c -> {
      try (PreparedStatement horizon = c.prepareStatement("UPDATE meetings"
          + " SET horizon = GREATEST(horizon, LEAST(?, next_seq)) WHERE id = ?");
          PreparedStatement delete = c.prepareStatement(
              "DELETE FROM entries WHERE meeting = ? AND seq < ?")) {
        horizon.setLong(1, belowSequence);
        horizon.setBytes(2, meetingId);
        horizon.executeUpdate();
        delete.setBytes(1, meetingId);
        delete.setLong(2, belowSequence);
        delete.executeUpdate();
        return null;
      }
    });
  }

  @Override
  public void drop(byte[] meetingId) throws StoreException {
    Objects.requireNonNull(meetingId, "meetingId");
    pool.inTransaction("drop", c -> {
      for (String table : List.of("key_packages", "lobby")) {
        try (PreparedStatement delete = c.prepareStatement(
            "DELETE FROM " + table + " WHERE meeting = ?")) {
          delete.setBytes(1, meetingId);
          delete.executeUpdate();
        }
      }
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM meetings WHERE id = ?")) {
        delete.setBytes(1, meetingId);
        delete.executeUpdate();
      }
      return null;
    });
  }

  /**
   * {@inheritDoc} Appends through this object are told on the appending thread after they
   * commit; other nodes' appends on this store's listening thread, through LISTEN/NOTIFY.
   */
  @Override
  public AutoCloseable onAppend(Consumer<byte[]> listener) {
    return notifier.add(Objects.requireNonNull(listener, "listener"));
  }

  /** A server setting as this store's sessions see it (for tests). */
  String sessionSetting(String name) throws StoreException {
    return pool.inTransaction("setting", c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT current_setting(?)")) {
        select.setString(1, name);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    });
  }

  /** Whether the connection that hears other nodes' appends is up. */
  boolean listening() {
    return notifier.connected();
  }

  @Override
  public void close() {
    notifier.close();
    pool.close();
  }

  /** The kind only: the URL may hold a password. */
  @Override
  public String toString() {
    return "PostgresLogStore";
  }
}
