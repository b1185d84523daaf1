package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Creating a commit per suite, as {@link CommitCreateBenchmark}: the member at leaf 0 of a fresh
 * {@code members}-member group commits {@code add} (one member by value, path-less, with a Welcome
 * carrying the tree) or {@code update} (empty, with a path: in a fresh tree one HPKE encryption
 * per other member, the worst case), then discards it.
 */
public class PqCommitCreateBenchmark extends PqBenchmarkBase {
  /** Members in the group before the commit. */
  @Param({"10", "100", "1000"})
  public int members;

  /** What the commit does: {@code add} or {@code update}. */
  @Param({"add", "update"})
  public String op;

  private MlsGroup group;
  private SealmeetGroupFixture.Client joiner;
  private long count;

  /** Builds the group once per trial. */
  @Setup
  public void setUp() throws SealmeetException {
    SealmeetGroupFixture fixture = fixture();
    group = fixture.grow(members).creator;
    joiner = fixture.newClient("joiner");
  }

  /** Wipes the group. */
  @TearDown
  public void tearDown() {
    group.close();
  }

  /** One commit, then discarded. */
  @Benchmark
  public CommitResult commit() throws SealmeetException {
    CommitResult result = group.commit(SealmeetGroupFixture.request(op, joiner, 1, ++count));
    group.discardPendingCommit();
    return result;
  }
}
