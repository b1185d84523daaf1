package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A group survives a restart: saved with {@link MlsGroup#toBytes()} and restored with {@link
 * MlsGroup#fromBytes}, it keeps its epoch, secrets, ratchet positions, kept past epoch, stored
 * proposals and its own Update key, and goes on exactly where it was.
 */
class GroupPersistenceTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults().withPastEpochs(2);

  @Test
  void savedAndRestored_continuesWhereItWas() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config);
    MlsGroup alice = pair.alice();
    MlsGroup bob = pair.bob();

    MlsMessage seen = alice.protect(new byte[] {1}, new byte[0]);
    MlsMessage late = alice.protect(new byte[] {2}, new byte[0]);
    bob.process(seen);
    CommitResult next = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    bob.merge((StagedCommit) bob.process(next.commit()));
    MlsMessage update = bob.proposeUpdate();
    alice.process(update);

    byte[] saved = bob.toBytes();
    bob.close();
    MlsGroup restored = MlsGroup.fromBytes(saved, bob.identity(), new PskStore(), config);
    assertThat(restored.toBytes()).isEqualTo(saved);
    assertThat(restored.epoch()).isEqualTo(alice.epoch());
    assertThat(restored.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
    assertThat(restored.pendingProposalCount()).isEqualTo(1);

    assertThat(((ApplicationMessage) restored.process(late)).data()).containsExactly(2);
    assertThatThrownBy(() -> restored.process(seen)).isInstanceOf(ReplayException.class);

    CommitResult byRef = alice.commit(CommitRequest.empty());
    alice.mergePendingCommit();
    restored.merge((StagedCommit) restored.process(byRef.commit()));
    assertThat(restored.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
    MlsMessage hello = restored.protect(new byte[] {3}, new byte[0]);
    assertThat(((ApplicationMessage) alice.process(hello)).data()).containsExactly(3);
  }

  @Test
  void damagedState_rejectedWithTypedException() throws SealmeetException {
    Client a = Client.of(suite, "alice", config);
    MlsGroup alice = GroupFixtures.create(a, config);
    byte[] saved = alice.toBytes();
    for (int length = 0; length < saved.length; length += 7) {
      byte[] cut = Arrays.copyOf(saved, length);
      assertThatThrownBy(() -> MlsGroup.fromBytes(cut, a.identity(), new PskStore(), config))
          .isInstanceOf(SealmeetException.class);
    }
    byte[] longer = Arrays.copyOf(saved, saved.length + 1);
    assertThatThrownBy(() -> MlsGroup.fromBytes(longer, a.identity(), new PskStore(), config))
        .isInstanceOf(SealmeetException.class);
  }

  /**
   * Every single-byte change of a saved two-member state, in every bit position of every byte, is
   * either restored or refused with a {@link SealmeetException}: never another exception.
   */
  @Test
  void everyFlippedByte_restoresOrThrowsTyped() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config);
    MlsGroup bob = pair.bob();
    bob.process(pair.alice().protect(new byte[] {1}, new byte[0]));
    byte[] saved = bob.toBytes();
    int[] masks = {0x01, 0x80, 0xFF};
    for (int i = 0; i < saved.length; i++) {
      for (int mask : masks) {
        byte[] damaged = saved.clone();
        damaged[i] ^= (byte) mask;
        int at = i;
        try {
          MlsGroup.fromBytes(damaged, bob.identity(), new PskStore(), config).close();
        } catch (SealmeetException expected) {
          // refused: fine
        } catch (RuntimeException e) {
          throw new AssertionError("byte " + at + " ^ 0x" + Integer.toHexString(mask)
              + " of " + saved.length + " threw " + e, e);
        }
      }
    }
  }

  @Test
  void pendingCommit_isSavedWithItsEpoch_andMergesAfterRestore() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config);
    MlsGroup alice = pair.alice();
    MlsGroup bob = pair.bob();
    CommitResult commit = alice.commit(CommitRequest.empty().forcePath());
    byte[] saved = alice.toBytes();
    alice.close();
    MlsGroup restored = MlsGroup.fromBytes(saved, alice.identity(), new PskStore(), config);
    assertThat(restored.hasPendingCommit()).isTrue();
    assertThat(restored.toBytes()).isEqualTo(saved);
    bob.merge((StagedCommit) bob.process(commit.commit()));
    restored.mergePendingCommit();
    assertThat(restored.epochAuthenticator()).isEqualTo(bob.epochAuthenticator());
  }

  @Test
  void stateSavedAfterProtect_neverReusesAGeneration_SM_STATE_1() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config);
    MlsGroup alice = pair.alice();
    MlsGroup bob = pair.bob();
    byte[] before = alice.toBytes();
    MlsMessage first = alice.protect(new byte[] {1}, new byte[0]);
    byte[] after = alice.toBytes(); // what a meeting writes before the message leaves
    bob.process(first);

    MlsGroup resumed = MlsGroup.fromBytes(after, alice.identity(), new PskStore(), config);
    MlsMessage next = resumed.protect(new byte[] {2}, new byte[0]);
    assertThat(((ApplicationMessage) bob.process(next)).data()).containsExactly(2);

    MlsGroup stale = MlsGroup.fromBytes(before, alice.identity(), new PskStore(), config);
    MlsMessage reused = stale.protect(new byte[] {3}, new byte[0]);
    assertThatThrownBy(() -> bob.process(reused)).as("the generation of the first message again")
        .isInstanceOf(SealmeetException.class);
  }
}
