package dev.sealmeet.ds.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The statements that hand out KeyPackages (RFC 9420 §10, §16.8: a plain KeyPackage is used once,
 * a last-resort one may be used again). Handing out is a delete, so it happens once whichever node
 * runs it.
 */
final class KeyPackageQueries {
  private KeyPackageQueries() {}

  /**
   * Deletes and returns the oldest plain KeyPackage of {@code account} in the meeting's lobby.
   * {@code SKIP LOCKED} lets concurrent claimers take different rows instead of queueing on one,
   * and the delete makes the row gone for every other transaction once this one commits.
   */
  static Optional<byte[]> takePlain(Connection c, byte[] meetingId, String account)
      throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM key_packages WHERE id = ("
        + "SELECT id FROM key_packages WHERE meeting = ? AND account = ? AND NOT last_resort"
        + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING bytes")) {
      delete.setBytes(1, meetingId);
      delete.setString(2, account);
      try (ResultSet row = delete.executeQuery()) {
        return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
      }
    }
  }

  /**
   * Whether a plain KeyPackage is still visible: one that {@link #takePlain} skipped because a
   * concurrent claimer held it (which may yet roll back).
   */
  static boolean plainLeft(Connection c, byte[] meetingId, String account) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM key_packages"
        + " WHERE meeting = ? AND account = ? AND NOT last_resort)")) {
      select.setBytes(1, meetingId);
      select.setString(2, account);
      try (ResultSet row = select.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  /** The newest last-resort KeyPackage of {@code account} in the meeting's lobby; it stays. */
  static Optional<byte[]> lastResort(Connection c, byte[] meetingId, String account)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT bytes FROM key_packages"
        + " WHERE meeting = ? AND account = ? AND last_resort ORDER BY id DESC LIMIT 1")) {
      select.setBytes(1, meetingId);
      select.setString(2, account);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
      }
    }
  }
}
