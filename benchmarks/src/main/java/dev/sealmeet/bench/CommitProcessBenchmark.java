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
 * each one; BouncyCastle returns a new group object and leaves the receiver's as it was.
 */
public class CommitProcessBenchmark extends GroupBenchmarkBase {
  /** Members in the group before the commit. */
  @Param({"2", "10", "100", "1000"})
  public int members;

  /** What the commit does: {@code add}, {@code remove} or {@code update}. */
  @Param({"add", "remove", "update"})
  public String op;

  private MlsGroup sealmeet;
  private Group bcReceiver;
  private byte[] commit;

  /** Builds the group, joins the receiver and creates the commit once per trial. */
  @Setup
  public void setUp(BenchmarkParams params) throws Exception {
    if (isBouncyCastle(params)) {
      BcGroupFixture bc = new BcGroupFixture();
      BcGroupFixture.Grown grown = bc.grow(members);
      bcReceiver = bc.join(grown.added.get(members - 2), grown.welcome);
      Group.GroupWithMessage made = bc.commit(grown.creator,
          BcGroupFixture.proposals(op, bc.newClient("joiner"), 1), !"add".equals(op), 1);
      commit = BcGroupFixture.commitBytes(made.message);
    } else {
      SealmeetGroupFixture fixture = new SealmeetGroupFixture();
      SealmeetGroupFixture.Grown grown = fixture.grow(members);
      sealmeet = grown.join(members - 2);
      MlsGroup creator = grown.creator;
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
