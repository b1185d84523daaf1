package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.StagedCommit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Processing a commit per suite, as {@link CommitProcessBenchmark}: the member at the last leaf
 * decodes, validates and stages the commit {@link PqCommitCreateBenchmark} makes for the same
 * {@code op}, then discards the staged epoch.
 */
public class PqCommitProcessBenchmark extends PqBenchmarkBase {
  /** Members in the group before the commit. */
  @Param({"10", "100", "1000"})
  public int members;

  /** What the commit does: {@code add} or {@code update}. */
  @Param({"add", "update"})
  public String op;

  private MlsGroup receiver;
  private byte[] commit;

  /** Builds the group, joins the receiver and creates the commit once per trial. */
  @Setup
  public void setUp() throws SealmeetException {
    SealmeetGroupFixture fixture = fixture();
    SealmeetGroupFixture.Grown grown = fixture.grow(members);
    receiver = grown.join(members - 2);
    commit = grown.creator.commit(
        SealmeetGroupFixture.request(op, fixture.newClient("joiner"), 1, 1)).commit().toBytes();
    grown.creator.close();
  }

  /** Wipes the receiver. */
  @TearDown
  public void tearDown() {
    receiver.close();
  }

  /** Decode, validate and stage the commit, then discard the staged epoch. */
  @Benchmark
  public Object process() throws SealmeetException {
    StagedCommit staged = (StagedCommit) receiver.process(SealmeetGroupFixture.decode(commit));
    staged.discard();
    return staged;
  }
}
