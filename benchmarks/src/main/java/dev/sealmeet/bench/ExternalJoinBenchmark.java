package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.ExternalJoinResult;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Joining a group of {@code members − 1} by external commit (RFC 9420 §12.4.3.2) and the group's
 * side of it. {@code sealmeet}: decode the signed GroupInfo with its ratchet tree and {@code
 * external_pub}, validate it and the whole tree (as a Welcome join does), then create the external
 * commit with its path. {@code sealmeetProcess}: a member decodes, validates and stages that commit
 * (nothing changes until a merge, so every invocation starts from the same state).
 *
 * <p>Sealmeet only: {@link BcGroupFixture} has no external join. The tree is {@code fresh},
 * {@code realistic} or {@code half}, as in {@link CommitCreateBenchmark}.
 */
public class ExternalJoinBenchmark extends GroupBenchmarkBase {
  /** Members in the group after the join. */
  @Param({"2", "10", "100", "1000", "10000"})
  public int members;

  /** The tree: {@code fresh}, {@code realistic} or {@code half} (see {@link JoinBenchmark}). */
  @Param({"fresh"})
  public String tree;

  private MlsGroup member;
  private byte[] groupInfo;
  private byte[] commit;
  private SigningIdentity joiner;
  private Capabilities capabilities;

  /** Loads or grows the group, and creates one external commit for the process method. */
  @Setup
  public void setUp() throws Exception {
    boolean fresh = isFresh(tree);
    SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    if (fresh) {
      member = fixture.grow(members - 1).creator;
    } else {
      RealisticGroupFixture.Members loaded =
          RealisticGroupFixture.load(fixture, members - 1, tree);
      member = loaded.viewpoint();
      if (loaded.last() != null) {
        loaded.last().close();
      }
    }
    groupInfo = member.groupInfo(true).toBytes();
    joiner = SigningIdentity.generate(fixture.suite,
        new BasicCredential("joiner".getBytes(StandardCharsets.UTF_8)));
    capabilities = new Capabilities(List.of(ProtocolVersion.MLS10), List.of(fixture.suite.id()),
        List.of(), List.of(), List.of(1));
    ExternalJoinResult joined = join();
    commit = joined.commit().toBytes();
    joined.group().close();
  }

  private ExternalJoinResult join() throws SealmeetException {
    return MlsGroup.joinExternal(SealmeetGroupFixture.decode(groupInfo), Optional.empty(), joiner,
        capabilities, OptionalLong.empty(), List.of(), new PskStore(),
        SealmeetGroupFixture.CONFIG);
  }

  /** Wipes the member. */
  @TearDown
  public void tearDown() {
    member.close();
  }

  /** The joiner: validate the GroupInfo and tree, create the external commit, then close. */
  @Benchmark
  public long sealmeet() throws SealmeetException {
    ExternalJoinResult joined = join();
    long epoch = joined.group().epoch();
    joined.group().close();
    return epoch;
  }

  /** A member: decode, validate and stage the external commit. */
  @Benchmark
  public Object sealmeetProcess() throws SealmeetException {
    StagedCommit staged = (StagedCommit) member.process(SealmeetGroupFixture.decode(commit));
    staged.discard();
    return staged;
  }
}
