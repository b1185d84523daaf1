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
   * Sealmeet only, built once and cached by {@link RealisticGroupFixture}. Select them with
   * {@code -p tree=fresh,realistic,half}.
   */
  @Param({"fresh"})
  public String tree;

  private SealmeetGroupFixture.Client joiner;
  private BcGroupFixture bc;
  private BcGroupFixture.Client bcJoiner;
  private byte[] welcome;

  /** Builds the group and the Welcome once per trial. */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    boolean fresh = isFresh(tree, isBouncyCastle(params));
    if (isBouncyCastle(params)) {
      bc = new BcGroupFixture();
      bcJoiner = bc.newClient("joiner");
      BcGroupFixture.Grown grown = bc.grow(members - 1);
      welcome = BcGroupFixture.welcomeBytes(
          bc.commit(grown.creator, BcGroupFixture.proposals("add", bcJoiner, 0), false, 1).message);
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      joiner = fixture.newClient("joiner");
      MlsGroup creator;
      if (fresh) {
        creator = fixture.grow(members - 1).creator;
      } else {
        RealisticGroupFixture.Members loaded =
            RealisticGroupFixture.load(fixture, members - 1, tree);
        creator = loaded.viewpoint();
        if (loaded.last() != null) {
          loaded.last().close();
        }
      }
      welcome = creator.commit(SealmeetGroupFixture.request("add", joiner, 0, 1))
          .welcome().orElseThrow().toBytes();
      creator.close();
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
