package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Extension;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups the verdict-agreement targets attack: {@code size} members in one epoch, built once
 * per size from a seeded {@code SHA1PRNG} and a fixed clock, and handed out as fresh copies
 * (restored from saved state) so that every input starts from the same group. The last leaf is
 * the malicious member; every other leaf is honest.
 */
final class VerdictGroup {
  static final int MIN_SIZE = 4;
  static final int MAX_SIZE = 6;
  private static final Map<Integer, VerdictGroup> BUILT = new ConcurrentHashMap<>();

  final MlsSuite suite;
  private final List<byte[]> saved;
  private final List<SigningIdentity> identities;

  private VerdictGroup(MlsSuite suite, List<byte[]> saved, List<SigningIdentity> identities) {
    this.suite = suite;
    this.saved = saved;
    this.identities = identities;
  }

  /** The group of {@code size} members ({@link #MIN_SIZE}..{@link #MAX_SIZE}). */
  static VerdictGroup of(int size) {
    return BUILT.computeIfAbsent(size, VerdictGroup::build);
  }

  /** Fresh copies of every member, leaf i at index i, under {@code config}. */
  List<MlsGroup> members(GroupConfig config) {
    List<MlsGroup> out = new ArrayList<>();
    try {
      for (int i = 0; i < saved.size(); i++) {
        out.add(MlsGroup.fromBytes(saved.get(i), identities.get(i), new PskStore(), config));
      }
    } catch (SealmeetException e) {
      throw new AssertionError("a saved verdict group must restore", e);
    }
    return out;
  }

  /**
   * The config of one scenario's members and outsider: a fixed clock and fresh system randomness.
   * The input decides every structural choice; key material is random, as in real use. (A seeded
   * generator would repeat HPKE ephemeral keys whenever an input repeats in one JVM, and the AEAD
   * rightly refuses a (key, nonce) pair twice.)
   */
  static GroupConfig config() {
    return GroupConfig.defaults().withRandom(new SecureRandom())
        .withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  /** The config the fixture is built under: seeded, so that every run builds the same group. */
  private static GroupConfig seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(("sealmeet verdicts " + seed).getBytes(StandardCharsets.UTF_8));
      return config().withRandom(random);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static VerdictGroup build(int size) {
    try {
      GroupConfig config = seeded(size);
      MlsSuite suite = MlsSuite.of(1, config.random());
      List<GroupFixtures.Client> clients = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        clients.add(GroupFixtures.Client.of(suite, "member" + i, config));
      }
      MlsGroup creator = MlsGroup.create(clients.get(0).keyPackage(), clients.get(0).identity(),
          "sealmeet verdict group".getBytes(StandardCharsets.UTF_8), List.<Extension>of(),
          new PskStore(), config);
      List<MlsGroup> members = new ArrayList<>(List.of(creator));
      for (int i = 1; i < size; i++) {
        CommitResult added = creator.commit(
            CommitRequest.empty().add(clients.get(i).keyPackage().keyPackage()));
        creator.mergePendingCommit();
        for (int j = 1; j < i; j++) {
          members.get(j).merge((StagedCommit) members.get(j).process(added.commit()));
        }
        members.add(clients.get(i).join(added.welcome().orElseThrow(), config));
      }
      // Every member commits once with a path, so that the tree has no blank parents.
      for (int i = 1; i < size; i++) {
        CommitResult update = members.get(i).commit(CommitRequest.empty().forcePath());
        members.get(i).mergePendingCommit();
        for (int j = 0; j < size; j++) {
          if (j != i) {
            members.get(j).merge((StagedCommit) members.get(j).process(update.commit()));
          }
        }
      }
      List<byte[]> saved = new ArrayList<>();
      List<SigningIdentity> identities = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        saved.add(members.get(i).toBytes());
        identities.add(clients.get(i).identity());
      }
      return new VerdictGroup(suite, saved, identities);
    } catch (SealmeetException e) {
      throw new AssertionError("the verdict group must build", e);
    }
  }
}
