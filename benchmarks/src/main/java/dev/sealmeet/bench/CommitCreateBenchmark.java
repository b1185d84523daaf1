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
 * case, and its {@link CommitProcessBenchmark} twin, errors on the BouncyCastle side of a fresh
 * tree.
 *
 * <p>On a lived-in tree BouncyCastle commits as a peer that joined the Sealmeet group by Welcome,
 * so both libraries commit on the same tree (the peer's own leaf unmerged, leaf 0's not). The
 * peer sits at leaf {@code members}, after the cached ones, so some of its copath subtrees are
 * blank: its {@code update} or {@code remove} path encrypts to at most as many nodes as leaf 0's
 * (at 1,000 members about 6 against 10), which favours the peer, never Sealmeet.
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
   * built once and cached by {@link RealisticGroupFixture}, then joined by one peer ({@link
   * PeerEpoch}), so they hold {@code members + 1} leaves. Select them with {@code -p
   * tree=fresh,realistic,half}.
   */
  @Param({"fresh"})
  public String tree;

  private MlsGroup sealmeet;
  private SealmeetGroupFixture.Client joiner;
  private long count;
  private BcGroupFixture bc;
  private Group bcGroup;
  private List<Proposal> bcProposals;

  /**
   * Builds the group once per trial. On a lived-in tree both sides stand in the epoch where a
   * peer joined the cached group ({@link PeerEpoch}): Sealmeet commits from leaf 0, BouncyCastle
   * from the peer it joined as, whose commit leaf 0 checks once here.
   */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    boolean fresh = isFresh(tree);
    if (isBouncyCastle(params)) {
      bc = new BcGroupFixture();
      bcProposals = BcGroupFixture.proposals(op, bc.newClient("joiner"), 1);
      if (fresh) {
        bcGroup = bc.grow(members).creator;
      } else {
        BcGroupFixture.Client peer = bc.newClient("peer");
        PeerEpoch epoch = PeerEpoch.open(new SealmeetGroupFixture(), members, tree,
            BcGroupFixture.keyPackageBytes(peer));
        bcGroup = bc.join(peer, epoch.welcome);
        epoch.checkJoined(bcGroup.getEpochAuthenticator());
        Group.GroupWithMessage made = bc.commit(bcGroup, bcProposals, !"add".equals(op), 0);
        epoch.checkPeerCommit(BcGroupFixture.commitBytes(made.message),
            made.group.getEpochAuthenticator());
        epoch.close();
      }
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      if (fresh) {
        sealmeet = fixture.grow(members).creator;
      } else {
        PeerEpoch epoch = PeerEpoch.open(fixture, members, tree,
            fixture.newClient("peer").keyPackage().keyPackage());
        sealmeet = epoch.viewpoint;
        if (epoch.last != null) {
          epoch.last.close();
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
