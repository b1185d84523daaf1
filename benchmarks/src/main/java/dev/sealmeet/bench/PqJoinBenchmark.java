package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Joining a {@code members}-member group from a Welcome per suite, as {@link JoinBenchmark}:
 * decode, decrypt the group secrets (one HPKE decapsulation) and GroupInfo, validate the whole
 * tree (one leaf signature per member: ML-DSA verifications in an ML-DSA suite), derive the epoch.
 */
public class PqJoinBenchmark extends PqBenchmarkBase {
  /** Members in the group after the join. */
  @Param({"10", "100", "1000"})
  public int members;

  private SealmeetGroupFixture fixture;
  private SealmeetGroupFixture.Client joiner;
  private byte[] welcome;

  /** Builds the group and the Welcome once per trial. */
  @Setup
  public void setUp() throws SealmeetException {
    fixture = fixture();
    joiner = fixture.newClient("joiner");
    MlsGroup creator = fixture.grow(members - 1).creator;
    welcome = creator.commit(SealmeetGroupFixture.request("add", joiner, 0, 1))
        .welcome().orElseThrow().toBytes();
    creator.close();
  }

  /** A fully validating join, then the new group closed. */
  @Benchmark
  public long join() throws SealmeetException {
    MlsGroup group = MlsGroup.join(SealmeetGroupFixture.decode(welcome), joiner.keyPackage(),
        joiner.identity(), Optional.empty(), new PskStore(), fixture.config);
    long epoch = group.epoch();
    group.close();
    return epoch;
  }
}
