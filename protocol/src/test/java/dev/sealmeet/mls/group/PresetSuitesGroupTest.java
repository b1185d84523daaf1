package dev.sealmeet.mls.group;

import static dev.sealmeet.mls.group.GroupFixtures.assertAgree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.MlsMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Groups in every post-quantum suite of the peer presets ({@link SuiteRegistry#openMls09()}, {@link
 * SuiteRegistry#tsMls164()}) at those stacks' code points: create, add by Welcome, application data
 * both ways, every member agreeing, and the suite bound in the group.
 */
class PresetSuitesGroupTest {

  static Stream<Arguments> presetSuites() {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String preset : List.of("openMls09", "tsMls164")) {
      SuiteRegistry registry = registry(preset);
      for (int codePoint : registry.codePoints()) {
        if (codePoint > 7) {
          out.add(Arguments.of(preset, codePoint));
        }
      }
    }
    return out.build();
  }

  private static SuiteRegistry registry(String preset) {
    return preset.equals("openMls09") ? SuiteRegistry.openMls09() : SuiteRegistry.tsMls164();
  }

  @ParameterizedTest(name = "{0} suite {1}")
  @MethodSource("presetSuites")
  void createAddApplication_everyMemberAgrees(String preset, int codePoint)
      throws SealmeetException {
    GroupConfig config = GroupConfig.defaults().withSuites(registry(preset));
    MlsSuite suite = MlsSuite.of(codePoint, config.suites(), GroupFixtures.RANDOM);
    List<MlsGroup> groups = GroupFixtures.members(suite, config, "alice", "bob");
    assertAgree(groups);
    assertThat(groups.get(1).suite().id()).isEqualTo(codePoint);
    assertThat(groups.get(1).context().extensions())
        .anyMatch(e -> e.extensionType() == dev.sealmeet.mls.message.Extensions.SUITE_DEFINITION);

    byte[] hello = ("hello in " + preset).getBytes(StandardCharsets.UTF_8);
    ApplicationMessage atBob = (ApplicationMessage) groups.get(1).process(
        MlsMessage.fromBytes(groups.get(0).protect(hello, new byte[0]).toBytes()));
    assertThat(atBob.data()).isEqualTo(hello);
    ApplicationMessage atAlice = (ApplicationMessage) groups.get(0).process(
        MlsMessage.fromBytes(groups.get(1).protect(hello, new byte[0]).toBytes()));
    assertThat(atAlice.data()).isEqualTo(hello);
  }
}
