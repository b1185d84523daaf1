package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.StoredAnswer;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes the {@code answers} table: the first answer to each submit id. */
final class Answers {
  private Answers() {}

  /** The answer recorded for {@code submitId} in the meeting. */
  static Optional<StoredAnswer> find(Connection c, byte[] meetingId, byte[] submitId)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT status, seq, epoch, reason, digest"
        + " FROM answers WHERE meeting = ? AND submit_id = ?")) {
      select.setBytes(1, meetingId);
      select.setBytes(2, submitId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        SubmitStatus status;
        try {
          status = SubmitStatus.valueOf(row.getString(1));
        } catch (IllegalArgumentException e) {
          throw new SQLException("an unknown answer status is stored", "XX001");
        }
        SubmitResult result = new SubmitResult(status, row.getLong(2), row.getLong(3),
            row.getString(4));
        return Optional.of(new StoredAnswer(result, row.getBytes(5)));
      }
    }
  }

  /** Records {@code answer}; a unique violation if the submit id has one. */
  static void insert(Connection c, byte[] meetingId, byte[] submitId, byte[] digest,
      SubmitResult answer) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO answers (meeting, submit_id,"
        + " digest, status, seq, epoch, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setBytes(1, meetingId);
      insert.setBytes(2, submitId);
      insert.setBytes(3, digest);
      insert.setString(4, answer.status().name());
      insert.setLong(5, answer.sequence());
      insert.setLong(6, answer.epoch());
      insert.setString(7, answer.reason());
      insert.executeUpdate();
    }
  }
}
