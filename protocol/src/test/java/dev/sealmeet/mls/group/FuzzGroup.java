package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.MlsMessage;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The group the fuzz targets attack, built the same way on every run from a seeded {@code SHA1PRNG}
 * and a fixed clock, so that the committed seed inputs (valid messages of this group) stay valid.
 * Alice creates the group, adds Bob, then in epoch 1 sends an application message, publishes a
 * GroupInfo and commits the addition of Carol. Bob is the receiver under attack; Carol joins from
 * the Welcome; Dave joins by external commit.
 */
final class FuzzGroup {
  final GroupConfig config;
  final MlsSuite suite;
  final MlsGroup alice;
  final MlsGroup bob;
  final Client carol;
  final Client dave;
  final MlsMessage application;
  final MlsMessage groupInfo;
  final CommitResult commit;

  private FuzzGroup() throws SealmeetException {
    SecureRandom random = seededRandom();
    config = GroupConfig.defaults().withRandom(random)
        .withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    suite = MlsSuite.of(1, random);
    Client a = Client.of(suite, "alice", config);
    Client b = Client.of(suite, "bob", config);
    carol = Client.of(suite, "carol", config);
    dave = Client.of(suite, "dave", config);
    byte[] groupId = "sealmeet fuzz group".getBytes(StandardCharsets.UTF_8);
    alice = MlsGroup.create(a.keyPackage(), a.identity(), groupId, java.util.List.of(),
        new PskStore(), config);
    CommitResult added = alice.commit(CommitRequest.empty().add(b.keyPackage().keyPackage()));
    alice.mergePendingCommit();
    bob = b.join(added.welcome().orElseThrow(), config);
    application = alice.protect(new byte[] {1, 2, 3}, new byte[] {9});
    groupInfo = alice.groupInfo(true);
    commit = alice.commit(CommitRequest.empty().add(carol.keyPackage().keyPackage()));
  }

  /**
   * {@code commit} framed by Alice for the current epoch and signed by her, with a zero
   * confirmation tag, in the group's handshake wire format.
   */
  MlsMessage signedByAlice(Commit commit) {
    return HostileCommits.signedBy(alice, commit, HostileCommits.zeroTag(alice));
  }

  /** A new fixture; every call gives the same messages. */
  static FuzzGroup create() {
    try {
      return new FuzzGroup();
    } catch (SealmeetException e) {
      throw new AssertionError("the fuzz fixture must build", e);
    }
  }

  private static SecureRandom seededRandom() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed("sealmeet fuzz fixture".getBytes(StandardCharsets.UTF_8));
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
