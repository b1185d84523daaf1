package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import java.util.List;
import org.bouncycastle.mls.codec.Proposal;
import org.bouncycastle.mls.protocol.Group;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Creating a commit (RFC 9420 §12.4) by the member at leaf 0 of an {@code members}-member group:
 * {@code add} one new member by value (path-less, with a Welcome carrying the tree), {@code remove}
 * the member at leaf 1, or {@code update} (an empty commit), both with a path. Each commit carries
 * a counter as {@code authenticated_data} (see {@link SealmeetGroupFixture#request}). Sealmeet
 * discards its pending commit after each one; BouncyCastle leaves the group object as it was.
 *
 * <p>With {@code tree = fresh} the group is grown by one path-less commit, its parent nodes are
 * blank, so a path encrypts to every other leaf (a copath node's resolution is all its leaves).
 * That is the worst case, the same for both libraries; in a {@code realistic} tree, whose members
 * have all committed once, a path encrypts to log2(N) nodes (rounded up) instead.
 *
 * <p>BouncyCastle 1.84 cannot commit {@code remove} at 2 members (a commit leaving the committer
 * alone: {@code IndexOutOfBoundsException} in {@code TreeKEMPublicKey.parentHashes}), so that
 * case, and its {@link CommitProcessBenchmark} twin, errors on the BouncyCastle side.
 */
public class CommitCreateBenchmark extends GroupBenchmarkBase {
  /** Members in the group before the commit. */
  @Param({"2", "10", "100", "1000"})
  public int members;

  /** What the commit does: {@code add}, {@code remove} or {@code update}. */
  @Param({"add", "remove", "update"})
  public String op;

  /**
   * The tree: {@code fresh} (every parent blank, the default), {@code realistic} (every member
   * has committed once with a path) or {@code half} (a seeded random half has); the last two are
   * Sealmeet only, built once and cached by {@link RealisticGroupFixture}. Select them with
   * {@code -p tree=fresh,realistic,half}.
   */
  @Param({"fresh"})
  public String tree;

  private MlsGroup sealmeet;
  private SealmeetGroupFixture.Client joiner;
  private long count;
  private BcGroupFixture bc;
  private Group bcGroup;
  private List<Proposal> bcProposals;

  /** Builds the group once per trial. */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    boolean fresh = isFresh(tree, isBouncyCastle(params));
    if (isBouncyCastle(params)) {
      bc = new BcGroupFixture();
      bcGroup = bc.grow(members).creator;
      bcProposals = BcGroupFixture.proposals(op, bc.newClient("joiner"), 1);
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      if (fresh) {
        sealmeet = fixture.grow(members).creator;
      } else {
        RealisticGroupFixture.Members loaded = RealisticGroupFixture.load(fixture, members, tree);
        sealmeet = loaded.viewpoint();
        if (loaded.last() != null) {
          loaded.last().close();
        }
      }
      joiner = fixture.newClient("joiner");
    }
  }

  /** Wipes the Sealmeet group. */
  @TearDown
  public void tearDown() {
    if (sealmeet != null) {
      sealmeet.close();
    }
  }

  /** One Sealmeet commit, then discarded. */
  @Benchmark
  public CommitResult sealmeet() throws SealmeetException {
    CommitResult result = sealmeet.commit(SealmeetGroupFixture.request(op, joiner, 1, ++count));
    sealmeet.discardPendingCommit();
    return result;
  }

  /** One BouncyCastle commit. */
  @Benchmark
  public Object bouncycastle() throws Exception {
    return bc.commit(bcGroup, bcProposals, !"add".equals(op), ++count);
  }
}
