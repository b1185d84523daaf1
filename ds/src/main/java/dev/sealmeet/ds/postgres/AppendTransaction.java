package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.AppendOutcome;
import dev.sealmeet.ds.AppendRequest;
import dev.sealmeet.meeting.SubmitResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The statements of {@link PostgresLogStore#append}, run in one transaction.
 *
 * <p>Isolation: READ COMMITTED with the meeting row locked first ({@code SELECT ... FOR NO KEY
 * UPDATE}). Every append to a meeting takes that lock, so appends to one meeting run one after the
 * other, whichever node runs them. A transaction that waited for the lock gets the row as the
 * previous holder committed it (PostgreSQL re-reads a locked row's newest version), and each later
 * statement takes a fresh snapshot, which holds everything the previous holder committed: its
 * answer, its entry, its commit row. So the submit-id check, the epoch check and {@code next_seq}
 * are all current when they are read, and nothing else writes them until this one commits or
 * rolls back. SERIALIZABLE would add nothing here but retries. The primary keys of {@code commits}
 * and {@code answers} still hold on their own: were the lock ever bypassed (a hand-run statement, a
 * future bug), a second commit of an epoch or a second answer to a submit id fails the
 * transaction, which is then rolled back and reported as {@code EpochMoved} or {@code Duplicate}.
 */
final class AppendTransaction {
  private final AppendRequest request;
  private final byte[] meetingId;

  AppendTransaction(AppendRequest request) {
    this.request = request;
    this.meetingId = request.meetingId();
  }

  /** Runs the statements; rolls back itself when it writes nothing. */
  AppendOutcome run(Connection c) throws SQLException {
    long epoch;
    long nextSeq;
    try (PreparedStatement lock = c.prepareStatement(
        "SELECT epoch, next_seq FROM meetings WHERE id = ? FOR NO KEY UPDATE")) {
      lock.setBytes(1, meetingId);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          c.rollback();
          return new AppendOutcome.NoMeeting();
        }
        epoch = row.getLong(1);
        nextSeq = row.getLong(2);
      }
    }
    byte[] submitId = request.submitId();
    if (submitId.length > 0) {
      Optional<AppendOutcome> duplicate = Answers.find(c, meetingId, submitId)
          .map(AppendOutcome.Duplicate::new);
      if (duplicate.isPresent()) {
        c.rollback();
        return duplicate.get();
      }
    }
    if (request.isAnswerOnly()) {
      return recordAnswer(c, submitId, request.answer().orElseThrow(), 0);
    }
    if (epoch != request.expectedEpoch()) {
      c.rollback();
      return new AppendOutcome.EpochMoved(epoch);
    }
    long seq = nextSeq;
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO entries (meeting, seq, bytes) VALUES (?, ?, ?)")) {
      insert.setBytes(1, meetingId);
      insert.setLong(2, seq);
      insert.setBytes(3, request.envelopeAt(seq));
      insert.executeUpdate();
    }
    Optional<byte[]> nextGroupInfo = request.nextGroupInfo();
    if (nextGroupInfo.isPresent() && !insertCommit(c, epoch, seq)) {
      c.rollback();
      return new AppendOutcome.EpochMoved(epoch + 1);
    }
    try (PreparedStatement head = c.prepareStatement("UPDATE meetings SET next_seq = ?, epoch = ?,"
        + " group_info = COALESCE(?, group_info), ended = ended OR ? WHERE id = ?")) {
      head.setLong(1, seq + 1);
      head.setLong(2, nextGroupInfo.isPresent() ? epoch + 1 : epoch);
      head.setBytes(3, nextGroupInfo.orElse(null));
      head.setBoolean(4, request.ended());
      head.setBytes(5, meetingId);
      head.executeUpdate();
    }
    AppendOutcome outcome = submitId.length == 0
        ? new AppendOutcome.Appended(seq)
        : recordAnswer(c, submitId, request.acceptedAt(seq), seq);
    if (outcome instanceof AppendOutcome.Appended) {
      notifyAppend(c);
    }
    return outcome;
  }

  /** Inserts the epoch's commit row; false if the epoch has one (the transaction is aborted). */
  private boolean insertCommit(Connection c, long epoch, long seq) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO commits (meeting, epoch, seq) VALUES (?, ?, ?)")) {
      insert.setBytes(1, meetingId);
      insert.setLong(2, epoch);
      insert.setLong(3, seq);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (SqlFailures.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  private AppendOutcome recordAnswer(Connection c, byte[] submitId, SubmitResult answer,
      long seq) throws SQLException {
    try {
      Answers.insert(c, meetingId, submitId, request.digest(), answer);
      return new AppendOutcome.Appended(seq);
    } catch (SQLException e) {
      if (!SqlFailures.isUniqueViolation(e)) {
        throw e;
      }
    }
    c.rollback();
    return Answers.find(c, meetingId, submitId)
        .<AppendOutcome>map(AppendOutcome.Duplicate::new)
        .orElseThrow(() -> new SQLException("an answer vanished after its unique violation",
            "40001"));
  }

  private void notifyAppend(Connection c) throws SQLException {
    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, AppendNotifier.CHANNEL);
      notify.setString(2, HexFormat.of().formatHex(meetingId));
      notify.executeQuery().close();
    }
  }
}
