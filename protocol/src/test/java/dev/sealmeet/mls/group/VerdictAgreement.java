package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict-agreement invariant of issue 23: every honest member, the one a commit would remove
 * included, reaches the same verdict on each hostile message; a rejection leaves each member as it
 * was; after an accepted commit every remaining member agrees on epoch, tree hash and epoch
 * authenticator, and goes on agreeing through one more commit.
 *
 * <p>Two differences are allowed, because no receiver can judge what only another can decrypt
 * (spec/protocol.md §6.4): a path secret or confirmation tag that a malicious committer corrupted
 * for some receivers fails only for those ({@link #recipientSpecific}), and a member that the
 * commit removes cannot decrypt the path at all, so it cannot see such a corruption.
 */
final class VerdictAgreement {
  private VerdictAgreement() {}

  /** Runs the scenario that {@code input} describes and checks the invariant at each step. */
  static void check(byte[] input) {
    Choices choices = new Choices(input);
    int size = VerdictGroup.MIN_SIZE
        + choices.pick(VerdictGroup.MAX_SIZE - VerdictGroup.MIN_SIZE + 1);
    GroupConfig config = VerdictGroup.config();
    List<MlsGroup> members = VerdictGroup.of(size).members(config);
    List<MlsGroup> honest = members.subList(0, size - 1);
    List<MlsMessage> messages;
    try {
      messages = new HostileMessages(choices, members, config).scenario();
    } catch (SealmeetException e) {
      return; // the malicious client's own library refused to build it: nothing to deliver
    }
    try {
      for (MlsMessage message : messages) {
        if (!deliver(message, honest)) {
          return;
        }
      }
    } catch (SealmeetException e) {
      throw new AssertionError("an honest member failed to merge or commit after agreeing", e);
    }
  }

  /** Delivers one message; true if the scenario may go on (the members still agree, unmerged). */
  private static boolean deliver(MlsMessage message, List<MlsGroup> honest)
      throws SealmeetException {
    List<GroupSnapshot> before = new ArrayList<>();
    List<Object> verdicts = new ArrayList<>();
    for (MlsGroup member : honest) {
      before.add(GroupSnapshot.of(member));
      try {
        verdicts.add(member.process(message));
      } catch (SealmeetException e) {
        verdicts.add(e);
      }
    }
    List<StagedCommit> staged = new ArrayList<>();
    boolean anyRejected = false;
    for (int i = 0; i < honest.size(); i++) {
      if (verdicts.get(i) instanceof SealmeetException e) {
        anyRejected = true;
        assertThat(GroupSnapshot.of(honest.get(i))).as("leaf %d after %s", i, e)
            .isEqualTo(before.get(i));
      } else if (verdicts.get(i) instanceof StagedCommit commit) {
        staged.add(commit);
      }
    }
    boolean anyAccepted = verdicts.stream().anyMatch(v -> !(v instanceof SealmeetException));
    if (anyRejected && anyAccepted) {
      for (Object verdict : verdicts) {
        if (verdict instanceof SealmeetException e) {
          assertThat(recipientSpecific(e) && !staged.isEmpty())
              .as("honest members disagree: %s against %s", verdicts, e).isTrue();
        }
      }
      staged.forEach(StagedCommit::discard);
      return false;
    }
    if (staged.isEmpty()) {
      return true;
    }
    for (int i = 0; i < honest.size(); i++) {
      honest.get(i).merge((StagedCommit) verdicts.get(i));
    }
    List<MlsGroup> remaining = honest.stream()
        .filter(m -> m.status() == MlsGroup.Status.ACTIVE).toList();
    assertAgree(remaining);
    if (!remaining.isEmpty()) {
      CommitResult next = remaining.get(0).commit(CommitRequest.empty());
      remaining.get(0).mergePendingCommit();
      for (MlsGroup other : remaining.subList(1, remaining.size())) {
        other.merge((StagedCommit) other.process(next.commit()));
      }
      assertAgree(remaining);
    }
    return false;
  }

  /**
   * Failures that depend on what one receiver alone can decrypt: its path secret (HPKE, the keys
   * derived from it, §7.5) and, from it, the confirmation tag.
   */
  static boolean recipientSpecific(SealmeetException e) {
    return e instanceof AuthenticationException || e instanceof BadKeyException
        || (e instanceof ProtocolException && !(e instanceof GroupRuleException)
            && String.valueOf(e.getMessage()).contains("RFC 9420 §7.5"));
  }

  private static void assertAgree(List<MlsGroup> members) {
    for (MlsGroup member : members.subList(Math.min(1, members.size()), members.size())) {
      MlsGroup first = members.get(0);
      assertThat(member.epoch()).isEqualTo(first.epoch());
      assertThat(member.context().treeHash()).isEqualTo(first.context().treeHash());
      assertThat(member.epochAuthenticator()).isEqualTo(first.epochAuthenticator());
    }
  }
}
