package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.BenchmarkSeats;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.MlsMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java half of the ts-mls comparison (issue 20): files on disk between Sealmeet and a peer
 * that runs in another process ({@code benchmarks/ts-mls/bench.mjs} under Node). The peer first
 * writes its KeyPackage; then, per group size N and tree:
 *
 * <pre>
 *   peer                        PeerExchange prepare                 PeerExchange verify
 *   keypackage.bin ───────────► the cached lived-in N-member group;
 *                               leaf 0 commits Add(peer), no path
 *                  ◄─────────── n{N}-{tree}/welcome.bin (ratchet tree inside),
 *                               epoch-authenticator.bin,
 *                               process-{op}.bin, process-{op}-authenticator.bin,
 *                               viewpoint.state
 *   joins, processes, creates:
 *   n{N}-{tree}/created-{op}.bin, created-{op}-authenticator.bin ───► leaf 0 processes each
 * </pre>
 *
 * {@code op} is {@code add} (a fresh Sealmeet KeyPackage, no path), {@code remove} (leaf 1, with a
 * path) or {@code update} (an empty commit with a path), handshakes as PublicMessage (RFC 9420
 * §6.2), as in the JMH group benchmarks ({@link PeerEpoch}). Every {@code -authenticator.bin} is
 * the {@code epoch_authenticator} (§8.7) of the epoch that commit makes, so each side checks the
 * other once, outside the timed loops. {@code viewpoint.state} holds leaf 0's state and signing
 * key in the peer's epoch: throw-away keys under the benchmark cache, never commit it.
 *
 * <pre>
 * java -cp benchmarks.jar dev.sealmeet.bench.PeerExchange prepare DIR SIZES TREE
 * java -cp benchmarks.jar dev.sealmeet.bench.PeerExchange verify DIR SIZES TREE
 * </pre>
 */
public final class PeerExchange {
  /** The operations, as they appear in file names. */
  static final List<String> OPS = List.of("add", "remove", "update");

  private PeerExchange() {}

  /**
   * Runs {@code prepare} or {@code verify} (see the class comment) for each size of the
   * comma-separated {@code SIZES}; exits 2 on a usage error, 1 if interop fails.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !List.of("prepare", "verify").contains(args[0])) {
      System.err.println("usage: PeerExchange prepare|verify DIR SIZES TREE");
      System.exit(2);
    }
    Path dir = Paths.get(args[1]);
    List<Integer> sizes = new ArrayList<>();
    for (String s : args[2].split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    try {
      for (int members : sizes) {
        Path sub = directory(dir, members, args[3]);
        if (args[0].equals("prepare")) {
          prepare(fixture, Files.readAllBytes(dir.resolve("keypackage.bin")), sub, members,
              args[3]);
          System.out.println("prepared " + sub);
        } else {
          verify(fixture, sub);
          System.out.println("verified " + sub + ": leaf 0 processed the peer's " + OPS
              + " commits and reached the peer's epoch_authenticator each time");
        }
      }
    } catch (IllegalStateException | SealmeetException e) {
      System.err.println("interop failed: " + e);
      System.exit(1);
    }
  }

  /** The exchange directory of one size and tree. */
  static Path directory(Path dir, int members, String tree) {
    return dir.resolve("n" + members + "-" + tree);
  }

  /**
   * Adds the peer of {@code keyPackage} to the cached lived-in group ({@link PeerEpoch}) and writes
   * the Welcome, the epoch's authenticator, leaf 0's commits for the peer to process with their
   * next epochs' authenticators, and leaf 0's state.
   *
   * @throws SealmeetException if the peer's KeyPackage or a commit is rejected
   */
  static void prepare(SealmeetGroupFixture fixture, byte[] keyPackage, Path out, int members,
      String tree) throws SealmeetException, IOException {
    PeerEpoch epoch = PeerEpoch.open(fixture, members, tree, keyPackage);
    Files.createDirectories(out);
    Files.write(out.resolve("welcome.bin"), epoch.welcome);
    Files.write(out.resolve("epoch-authenticator.bin"), epoch.viewpoint.epochAuthenticator());
    byte[] state = saveState(fixture, epoch.viewpoint);
    epoch.close();
    long count = 0;
    for (String op : OPS) {
      try (MlsGroup viewpoint = restoreState(fixture, state)) {
        byte[] commit = viewpoint.commit(
            SealmeetGroupFixture.request(op, fixture.newClient("joiner"), 1, ++count))
            .commit().toBytes();
        viewpoint.mergePendingCommit();
        Files.write(out.resolve("process-" + op + ".bin"), commit);
        Files.write(out.resolve("process-" + op + "-authenticator.bin"),
            viewpoint.epochAuthenticator());
      }
    }
    Files.write(out.resolve("viewpoint.state"), state);
  }

  /**
   * Leaf 0, restored from {@code viewpoint.state}, processes each commit the peer created and
   * must reach the peer's next epoch.
   *
   * @throws SealmeetException if leaf 0 rejects a commit
   * @throws IllegalStateException if an authenticator differs
   */
  static void verify(SealmeetGroupFixture fixture, Path sub)
      throws SealmeetException, IOException {
    byte[] state = Files.readAllBytes(sub.resolve("viewpoint.state"));
    for (String op : OPS) {
      try (MlsGroup viewpoint = restoreState(fixture, state)) {
        viewpoint.merge((StagedCommit) viewpoint.process(
            MlsMessage.fromBytes(Files.readAllBytes(sub.resolve("created-" + op + ".bin")))));
        byte[] peers = Files.readAllBytes(sub.resolve("created-" + op + "-authenticator.bin"));
        if (!MessageDigest.isEqual(peers, viewpoint.epochAuthenticator())) {
          throw new IllegalStateException("in " + sub + " leaf 0 and the peer disagree on the"
              + " epoch_authenticator after the peer's " + op + " commit");
        }
      }
    }
  }

  /** Leaf 0's signing key and state in one buffer, each behind its length. */
  static byte[] saveState(SealmeetGroupFixture fixture, MlsGroup group) {
    byte[] identity = BenchmarkSeats.identity(group).exportSecret(fixture.suite);
    byte[] state = group.toBytes();
    return ByteBuffer.allocate(8 + identity.length + state.length).putInt(identity.length)
        .put(identity).putInt(state.length).put(state).array();
  }

  /**
   * The group {@link #saveState} saved, under the fixture's config.
   *
   * @throws SealmeetException if the saved state is malformed
   */
  static MlsGroup restoreState(SealmeetGroupFixture fixture, byte[] saved)
      throws SealmeetException {
    ByteBuffer in = ByteBuffer.wrap(saved);
    byte[] identity = new byte[in.getInt()];
    in.get(identity);
    byte[] state = new byte[in.getInt()];
    in.get(state);
    return MlsGroup.fromBytes(state, SigningIdentity.importSecret(fixture.suite, identity),
        new PskStore(), fixture.config);
  }
}
