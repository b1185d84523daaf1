package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The committed fixture seeds of {@link GroupFuzzTest} are exactly what {@link FuzzGroup} builds
 * today, so the regression run starts from valid messages, not from stale ones. After a change to
 * the group's wire output, regenerate them with {@code -Dsealmeet.writeFuzzSeeds=true} and review
 * the diff.
 */
class FuzzSeedsTest {
  private static final Path INPUTS =
      Path.of("src", "test", "resources", "dev", "sealmeet", "mls", "group", "GroupFuzzTestInputs");

  private static Map<String, byte[]> seeds() {
    FuzzGroup group = FuzzGroup.create();
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    seeds.put("processCommit/fixture-commit", group.commit.commit().toBytes());
    seeds.put("processSignedCommit/fixture-commit",
        HostileCommits.commitOf(group.commit.commit()).toBytes());
    seeds.put("processApplication/fixture-application", group.application.toBytes());
    seeds.put("join/fixture-welcome", group.commit.welcome().orElseThrow().toBytes());
    seeds.put("joinExternal/fixture-group-info", group.groupInfo.toBytes());
    seeds.put("keyPackage/fixture-key-package", group.carol.keyPackage().keyPackage().toBytes());
    seeds.put("restore/fixture-bob-state", group.bob.toBytes());
    return seeds;
  }

  @Test
  void fixture_isDeterministic() {
    Map<String, byte[]> first = seeds();
    Map<String, byte[]> second = seeds();
    for (String name : first.keySet()) {
      assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
    }
  }

  /** Every seed is accepted (twice where harmless), so fuzzing starts past the checks. */
  @Test
  void fixtureSeeds_areAccepted() throws SealmeetException {
    FuzzGroup group = FuzzGroup.create();
    assertThat(group.bob.process(group.commit.commit())).isInstanceOf(StagedCommit.class);
    assertThat(group.bob.process(group.application)).isInstanceOf(ApplicationMessage.class);
    // Alice's own commit, re-signed with a zero confirmation tag: rejected only for the tag.
    assertThatThrownBy(() -> group.bob.process(
        group.signedByAlice(HostileCommits.commitOf(group.commit.commit()))))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("confirmation");
    for (int i = 0; i < 2; i++) {
      try (MlsGroup carol = MlsGroup.join(group.commit.welcome().orElseThrow(),
          group.carol.keyPackage(), group.carol.identity(), Optional.empty(), new PskStore(),
          group.config)) {
        assertThat(carol.epoch()).isEqualTo(2);
      }
      ExternalJoinResult dave = MlsGroup.joinExternal(group.groupInfo, Optional.empty(),
          group.dave.identity(), GroupFixtures.capabilities(group.suite), OptionalLong.empty(),
          List.of(), new PskStore(), group.config);
      assertThat(dave.group().epoch()).isEqualTo(2);
      dave.group().close();
    }
    byte[] saved = group.bob.toBytes();
    try (MlsGroup restored =
        MlsGroup.fromBytes(saved, group.bob.identity(), new PskStore(), group.config)) {
      assertThat(restored.toBytes()).isEqualTo(saved);
    }
    group.bob.proposeAdd(group.carol.keyPackage().keyPackage());
    assertThat(group.bob.pendingProposalCount()).isEqualTo(1);
  }

  @Test
  void committedSeeds_matchFixture() throws IOException {
    boolean write = Boolean.getBoolean("sealmeet.writeFuzzSeeds");
    for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
      Path file = INPUTS.resolve(seed.getKey());
      if (write) {
        Files.createDirectories(file.getParent());
        Files.write(file, seed.getValue());
      }
      assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(seed.getValue());
    }
  }
}
