package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.StagedCommit;
import org.bouncycastle.mls.protocol.Group;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Processing a commit (RFC 9420 §12.4.2) from the member at leaf 0, as the member at the last leaf
 * ({@code members − 1}): in the other half of the tree, so off the committer's path and sharing
 * only the root with it. The commit is the one {@link CommitCreateBenchmark} makes for the same
 * {@code op}; it is decoded from bytes in every invocation. With 2 members, {@code remove} removes
 * the receiver itself (leaf 1 is the only other leaf). Sealmeet discards the staged commit after
 * each one; BouncyCastle returns a new group object and leaves the receiver's as it was. In a
 * {@code realistic} or {@code half} tree the receiver is the member {@link RealisticGroupFixture}
 * keeps, at the same last leaf, and BouncyCastle's is a peer that joined that group by Welcome
 * (its leaf after the last, so it too is off the committer's path): both process the very same
 * Sealmeet commit.
 */
public class CommitProcessBenchmark extends GroupBenchmarkBase {
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
  private Group bcReceiver;
  private byte[] commit;

  /**
   * Builds the group, joins the receiver and creates the commit once per trial. On a lived-in
   * tree the commit comes from leaf 0 in the epoch where a peer joined the cached group ({@link
   * PeerEpoch}); Sealmeet's receiver is the cached last leaf, BouncyCastle's the peer, whose next
   * epoch is checked once here against leaf 0's.
   */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    boolean fresh = isFresh(tree);
    if (isBouncyCastle(params) && fresh) {
      BcGroupFixture bc = new BcGroupFixture();
      BcGroupFixture.Grown grown = bc.grow(members);
      bcReceiver = bc.join(grown.added.get(members - 2), grown.welcome);
      Group.GroupWithMessage made = bc.commit(grown.creator,
          BcGroupFixture.proposals(op, bc.newClient("joiner"), 1), !"add".equals(op), 1);
      commit = BcGroupFixture.commitBytes(made.message);
    } else if (isBouncyCastle(params)) {
      BcGroupFixture bc = new BcGroupFixture();
      BcGroupFixture.Client peer = bc.newClient("peer");
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      PeerEpoch epoch =
          PeerEpoch.open(fixture, members, tree, BcGroupFixture.keyPackageBytes(peer));
      bcReceiver = bc.join(peer, epoch.welcome);
      epoch.checkJoined(bcReceiver.getEpochAuthenticator());
      commit = epoch.viewpoint.commit(
          SealmeetGroupFixture.request(op, fixture.newClient("joiner"), 1, 1)).commit().toBytes();
      epoch.checkProcessedByPeer(bcReceiver.handle(commit, null).getEpochAuthenticator());
      epoch.close();
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      MlsGroup creator;
      if (fresh) {
        SealmeetGroupFixture.Grown grown = fixture.grow(members);
        sealmeet = grown.join(members - 2);
        creator = grown.creator;
      } else {
        PeerEpoch epoch = PeerEpoch.open(fixture, members, tree,
            fixture.newClient("peer").keyPackage().keyPackage());
        sealmeet = epoch.last;
        creator = epoch.viewpoint;
      }
      commit = creator.commit(SealmeetGroupFixture.request(op, fixture.newClient("joiner"), 1, 1))
          .commit().toBytes();
      creator.close();
    }
  }

  /** Wipes the Sealmeet receiver. */
  @TearDown
  public void tearDown() {
    if (sealmeet != null) {
      sealmeet.close();
    }
  }

  /** Sealmeet: decode, validate and stage the commit, then discard the staged epoch. */
  @Benchmark
  public Object sealmeet() throws SealmeetException {
    StagedCommit staged = (StagedCommit) sealmeet.process(SealmeetGroupFixture.decode(commit));
    staged.discard();
    return staged;
  }

  /** BouncyCastle: decode and handle the commit, giving the next epoch's group. */
  @Benchmark
  public Object bouncycastle() throws Exception {
    return bcReceiver.handle(commit, null);
  }
}
