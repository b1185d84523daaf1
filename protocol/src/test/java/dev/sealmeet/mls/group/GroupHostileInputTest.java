package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every single-byte change, truncation and extension of a valid commit, Welcome, KeyPackage,
 * GroupInfo and application message is rejected with a {@link SealmeetException} subtype, and
 * the receiving group is exactly as before (RFC 9420 §12.4.2, "hostile input" in the README). After
 * all of it, the original messages are still accepted: no key was consumed by a rejection.
 */
class GroupHostileInputTest {
  private final MlsSuite suite = GroupFixtures.suite(1);
  private final GroupConfig config = GroupConfig.defaults();
  private MlsGroup alice;
  private MlsGroup bob;
  private Client carol;
  private CommitResult commit;

  @BeforeEach
  void setUp() throws SealmeetException {
    GroupFixtures.Pair pair = GroupFixtures.pair(suite, config);
    alice = pair.alice();
    bob = pair.bob();
    carol = Client.of(suite, "carol", config);
    commit = alice.commit(CommitRequest.empty().add(carol.keyPackage().keyPackage()));
  }

  /** Each variant: every byte xor 0x01 and xor 0x80, every proper prefix, one and 7 bytes more. */
  private static List<byte[]> variants(byte[] valid) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < valid.length; i++) {
      for (int mask : new int[] {0x01, 0x80}) {
        byte[] changed = valid.clone();
        changed[i] ^= (byte) mask;
        out.add(changed);
      }
    }
    for (int length = 0; length < valid.length; length++) {
      out.add(Arrays.copyOf(valid, length));
    }
    out.add(Arrays.copyOf(valid, valid.length + 1));
    byte[] longer = Arrays.copyOf(valid, valid.length + 7);
    Arrays.fill(longer, valid.length, longer.length, (byte) 0x41);
    out.add(longer);
    return out;
  }

  @FunctionalInterface
  private interface Consumer {
    void accept(MlsMessage message) throws SealmeetException;
  }

  /** Feeds every variant; each must fail with a SealmeetException and change nothing. */
  private static int rejectAll(byte[] valid, MlsGroup observed, Consumer consumer) {
    GroupSnapshot before = GroupSnapshot.of(observed);
    int rejected = 0;
    for (byte[] variant : variants(valid)) {
      try {
        consumer.accept(MlsMessage.fromBytes(variant));
        fail("a changed message of " + variant.length + " bytes was accepted");
      } catch (DecodeException e) {
        rejected++;
      } catch (SealmeetException e) {
        rejected++;
        assertThat(GroupSnapshot.of(observed)).isEqualTo(before);
      } catch (RuntimeException e) {
        throw new AssertionError("untyped " + e + " for a changed message", e);
      }
    }
    assertThat(GroupSnapshot.of(observed)).isEqualTo(before);
    return rejected;
  }

  @Test
  @DisplayName("every tampered commit is rejected and changes nothing [SM-MLS-6]")
  void commit_everyChangeRejected_stateUnchanged() throws SealmeetException {
    byte[] valid = commit.commit().toBytes();
    assertThat(rejectAll(valid, bob, bob::process)).isEqualTo(3 * valid.length + 2);
    StagedCommit staged = (StagedCommit) bob.process(MlsMessage.fromBytes(valid));
    bob.merge(staged);
    alice.mergePendingCommit();
    assertThat(bob.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
  }

  @Test
  void welcome_everyChangeRejected() throws SealmeetException {
    byte[] valid = commit.welcome().orElseThrow().toBytes();
    rejectAll(valid, bob, m -> carol.join(m, config).close());
    alice.mergePendingCommit();
    MlsGroup joined = carol.join(MlsMessage.fromBytes(valid), config);
    assertThat(joined.epochAuthenticator()).isEqualTo(alice.epochAuthenticator());
  }

  @Test
  void keyPackage_everyChangeRejected() throws SealmeetException {
    alice.discardPendingCommit();
    byte[] valid = MlsMessage.of(carol.keyPackage().keyPackage()).toBytes();
    rejectAll(valid, bob, m -> bob.proposeAdd((dev.sealmeet.mls.message.KeyPackage) asKind(
        m, dev.sealmeet.mls.message.KeyPackage.class)));
    bob.proposeAdd(carol.keyPackage().keyPackage());
    assertThat(bob.pendingProposalCount()).isEqualTo(1);
  }

  @Test
  void groupInfo_everyChangeRejected() throws SealmeetException {
    alice.discardPendingCommit();
    byte[] valid = alice.groupInfo(true).toBytes();
    rejectAll(valid, bob, m -> MlsGroup.joinExternal(m, Optional.empty(), carol.identity(),
        GroupFixtures.capabilities(suite), OptionalLong.empty(), List.of(), new PskStore(),
        config).group().close());
    ExternalJoinResult joined = MlsGroup.joinExternal(MlsMessage.fromBytes(valid),
        Optional.empty(), carol.identity(), GroupFixtures.capabilities(suite),
        OptionalLong.empty(), List.of(), new PskStore(), config);
    bob.merge((StagedCommit) bob.process(joined.commit()));
    assertThat(bob.epochAuthenticator()).isEqualTo(joined.group().epochAuthenticator());
  }

  @Test
  void applicationMessage_everyChangeRejected_keyNotConsumed() throws SealmeetException {
    alice.discardPendingCommit();
    byte[] valid = alice.protect(new byte[] {1, 2, 3}, new byte[] {9}).toBytes();
    rejectAll(valid, bob, bob::process);
    ApplicationMessage got = (ApplicationMessage) bob.process(MlsMessage.fromBytes(valid));
    assertThat(got.data()).containsExactly(1, 2, 3);
  }

  private static Object asKind(MlsMessage message, Class<?> kind) throws SealmeetException {
    if (!kind.isInstance(message.body())) {
      throw new dev.sealmeet.error.ProtocolException("test", "not a " + kind.getSimpleName());
    }
    return message.body();
  }
}
