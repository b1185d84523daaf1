package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Joining an {@code members}-member group from a Welcome (RFC 9420 §12.4.3.1), the tree inside the
 * Welcome: decode, decrypt the group secrets and GroupInfo, validate the tree, derive the epoch.
 * The Welcome comes from a path-less commit adding the joiner to a group of {@code members − 1},
 * whose tree is {@code fresh} or lived-in ({@code realistic}, {@code half}: then the joiner also
 * verifies the parent hash of every filled parent node).
 * Sealmeet validates the whole tree (every leaf node's signature and fields, parent hashes, tree
 * hash); BouncyCastle 1.84 checks the tree hash and parent hashes but not the leaf signatures.
 */
public class JoinBenchmark extends GroupBenchmarkBase {
  /** Members in the group after the join. */
  @Param({"2", "10", "100", "1000", "10000"})
  public int members;

  /**
   * The tree: {@code fresh} (every parent blank, the default), {@code realistic} (every member
   * has committed once with a path) or {@code half} (a seeded random half has); the last two are
   * built once and cached by {@link RealisticGroupFixture} (at {@code members − 1}) for both
   * libraries. Select them with {@code -p tree=fresh,realistic,half}.
   */
  @Param({"fresh"})
  public String tree;

  private SealmeetGroupFixture.Client joiner;
  private BcGroupFixture bc;
  private BcGroupFixture.Client bcJoiner;
  private byte[] welcome;

  /**
   * Builds the group and the Welcome once per trial. On a lived-in tree the Welcome is leaf 0's
   * Add of the joiner to the cached group of {@code members − 1} ({@link PeerEpoch}); a
   * BouncyCastle join is checked once here against leaf 0's epoch.
   */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    boolean fresh = isFresh(tree);
    if (isBouncyCastle(params)) {
      bc = new BcGroupFixture();
      bcJoiner = bc.newClient("joiner");
      if (fresh) {
        BcGroupFixture.Grown grown = bc.grow(members - 1);
        welcome = BcGroupFixture.welcomeBytes(bc.commit(grown.creator,
            BcGroupFixture.proposals("add", bcJoiner, 0), false, 1).message);
      } else {
        PeerEpoch epoch = PeerEpoch.open(new SealmeetGroupFixture(), members - 1, tree,
            BcGroupFixture.keyPackageBytes(bcJoiner));
        welcome = epoch.welcome;
        epoch.checkJoined(bc.join(bcJoiner, welcome).getEpochAuthenticator());
        epoch.close();
      }
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      joiner = fixture.newClient("joiner");
      if (fresh) {
        MlsGroup creator = fixture.grow(members - 1).creator;
        welcome = creator.commit(SealmeetGroupFixture.request("add", joiner, 0, 1))
            .welcome().orElseThrow().toBytes();
        creator.close();
      } else {
        PeerEpoch epoch =
            PeerEpoch.open(fixture, members - 1, tree, joiner.keyPackage().keyPackage());
        welcome = epoch.welcome;
        epoch.close();
      }
    }
  }

  /** Sealmeet: a fully validating join, then the new group closed. */
  @Benchmark
  public long sealmeet() throws SealmeetException {
    MlsGroup group = MlsGroup.join(SealmeetGroupFixture.decode(welcome), joiner.keyPackage(),
        joiner.identity(), Optional.empty(), new PskStore(), SealmeetGroupFixture.CONFIG);
    long epoch = group.epoch();
    group.close();
    return epoch;
  }

  /** BouncyCastle: a join with its own tree checks. */
  @Benchmark
  public Object bouncycastle() throws Exception {
    return bc.join(bcJoiner, welcome);
  }
}
