package dev.sealmeet.ds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.ServerAdmission;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a log must show after faults: every acknowledged envelope at its sequence (none lost), and
 * exactly one commit per epoch from the first epoch to the members' last (RFC 9420 §14: one
 * commit per epoch, the first valid one).
 */
final class LogCheck {
  private LogCheck() {}

  /**
   * The commits of {@code log} by the epoch they were made in; fails if the log holds two of one
   * epoch, skips one, or misses or changed an acknowledged envelope.
   *
   * @param log the whole log from its first entry (nothing compacted)
   * @param lastEpoch the epoch the members converged on (the last commit was made in the one
   *     before)
   */
  static Map<Long, Long> verify(Iterable<SequencedEnvelope> log, AckLog acks, long firstEpoch,
      long lastEpoch) throws Exception {
    Map<Long, byte[]> bytes = new TreeMap<>();
    Map<Long, Long> commits = new TreeMap<>();
    for (SequencedEnvelope e : log) {
      bytes.put(e.sequence(), e.bytes());
      ServerAdmission.Submission s = ServerAdmission.parse(e.bytes());
      if (s.kind() == ServerAdmission.Kind.COMMIT) {
        long epoch = s.handshakeEpoch().orElseThrow();
        Long before = commits.put(epoch, e.sequence());
        assertThat(before).as("a second commit of epoch %d at %d (first at %s)", epoch,
            e.sequence(), before).isNull();
      }
    }
    assertThat(acks.conflicts()).as("two envelopes acknowledged at one sequence").isEmpty();
    for (Map.Entry<Long, AckLog.Ack> ack : acks.accepted.entrySet()) {
      assertThat(bytes.get(ack.getKey())).as("acknowledged entry %d (%s)", ack.getKey(),
          ack.getValue().account()).isEqualTo(ack.getValue().bytes());
    }
    for (long epoch = firstEpoch; epoch < lastEpoch; epoch++) {
      assertThat(commits).as("a commit of epoch %d", epoch).containsKey(epoch);
    }
    assertThat(commits.keySet()).as("commits only of epochs %d..%d", firstEpoch, lastEpoch - 1)
        .allMatch(epoch -> epoch >= firstEpoch && epoch < lastEpoch);
    return commits;
  }
}
