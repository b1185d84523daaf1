package dev.sealmeet.ds.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The statements on a meeting's lobby: knocks and who may read the meeting. */
final class LobbyQueries {
  private LobbyQueries() {}

  /** The class id of this store's advisory locks (the first key of the two-key form). */
  private static final int LOBBY_LOCK_CLASS = 0x5e41;

  /**
   * Notes a knock under a transaction-scoped advisory lock on the lobby (a lobby may exist before
   * its meeting row, so there is no row to lock), so that two nodes knocking at once cannot both
   * take the lobby's last place. Lobbies whose ids hash alike only share the lock.
   *
   * @return false if the lobby is full without {@code account}
   */
  static boolean knock(Connection c, byte[] meetingId, String account, int max)
      throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(
        "SELECT pg_advisory_xact_lock(?, hashtext(encode(?, 'hex')))")) {
      lock.setInt(1, LOBBY_LOCK_CLASS);
      lock.setBytes(2, meetingId);
      lock.executeQuery().close();
    }
    long waiting;
    boolean present;
    try (PreparedStatement count = c.prepareStatement("SELECT count(*),"
        + " count(*) FILTER (WHERE account = ?) FROM lobby WHERE meeting = ?")) {
      count.setString(1, account);
      count.setBytes(2, meetingId);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        waiting = row.getLong(1);
        present = row.getLong(2) > 0;
      }
    }
    if (present) {
      return true;
    }
    if (waiting >= max) {
      return false;
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO lobby (meeting, account) VALUES (?, ?)")) {
      insert.setBytes(1, meetingId);
      insert.setString(2, account);
      insert.executeUpdate();
    }
    return true;
  }

  /** The knocking accounts in the order of their first knock, from the {@code from}-th. */
  static List<String> knocks(Connection c, byte[] meetingId, int from) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT account FROM lobby"
        + " WHERE meeting = ? ORDER BY knock_order OFFSET ?")) {
      select.setBytes(1, meetingId);
      select.setInt(2, Math.max(0, from));
      List<String> accounts = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          accounts.add(row.getString(1));
        }
      }
      return List.copyOf(accounts);
    }
  }

  /** Whether {@code account} opened the meeting or knocked at its lobby. */
  static boolean isReader(Connection c, byte[] meetingId, String account) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT"
        + " EXISTS (SELECT 1 FROM meetings WHERE id = ? AND opener = ?)"
        + " OR EXISTS (SELECT 1 FROM lobby WHERE meeting = ? AND account = ?)")) {
      select.setBytes(1, meetingId);
      select.setString(2, account);
      select.setBytes(3, meetingId);
      select.setString(4, account);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }
}
