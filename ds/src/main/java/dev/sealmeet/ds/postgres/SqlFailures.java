package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.StoreException;
import java.sql.SQLException;

/**
 * Turns driver failures into {@link StoreException}s that name no meeting content. A PostgreSQL
 * error message can quote the values of a row (a unique violation's detail names the key, which
 * may hold an account), so the cause kept is a copy with the SQLState and the stack trace only.
 */
final class SqlFailures {
  /** SQLState of a unique violation. */
  static final String UNIQUE_VIOLATION = "23505";

  private SqlFailures() {}

  /** A store failure of {@code operation} (a fixed word such as "append"), caused by {@code e}. */
  static StoreException storeException(String operation, SQLException e) {
    return new StoreException("PostgreSQL " + operation + " failed (SQLState " + e.getSQLState()
        + ")", sanitized(e));
  }

  /**
   * Whether the connection that threw {@code e} is unusable: a connection failure (class 08),
   * a server shutting down or restarting (57P01..57P03) or a query cancelled by a socket timeout.
   */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P");
  }

  /** Whether {@code e} is a unique violation. */
  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  private static SQLException sanitized(SQLException e) {
    SQLException copy = new SQLException(e.getClass().getSimpleName() + " (SQLState "
        + e.getSQLState() + ")", e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
