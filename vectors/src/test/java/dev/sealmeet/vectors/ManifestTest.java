package dev.sealmeet.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped manifests are well formed and pin raw files at full commit ids. */
class ManifestTest {
  private static final Pattern RAW_AT_COMMIT =
      Pattern.compile("https://raw\\.githubusercontent\\.com/[\\w.-]+/[\\w.-]+/[0-9a-f]{40}/.+");

  @Test
  void officialVectors_areTheFortySevenFilesTheRunnerUses() {
    Manifest manifest = PinnedSet.OFFICIAL_VECTORS.manifest();
    assertThat(manifest.files()).hasSize(47);
    assertThat(manifest.files()).filteredOn(f -> f.path().startsWith("mls/")).hasSize(16);
    assertThat(manifest.files()).filteredOn(f -> f.path().startsWith("wycheproof/")).hasSize(25);
    assertThat(manifest.files()).extracting(PinnedFile::path)
        .contains("hpke/test-vectors.json", "hpke-pq/test-vectors.json", "xwing/test-vectors.json",
            "sframe/test-vectors.json",
            "sframe/post-rfc/test-vectors.json", "sframe/post-rfc/test-vectors-aes256.json")
        .doesNotContain("hpke/hpke-pq-test-vectors.json");
    assertThat(manifest.files())
        .allSatisfy(f -> assertThat(f.source().toString()).matches(RAW_AT_COMMIT));
  }

  @Test
  void interopConfigs_areTheEightScriptFiles() {
    assertThat(PinnedSet.INTEROP_CONFIGS.manifest().files()).hasSize(8)
        .allSatisfy(f -> assertThat(f.source().toString()).matches(RAW_AT_COMMIT));
  }

  @Test
  void malformedLines_areRejected() {
    String sha = "0".repeat(64);
    assertThat(Manifest.parse("# c\n\n" + sha + "  a/b.json  https://h/x\n").files()).hasSize(1);
    assertThatThrownBy(() -> Manifest.parse(sha + " a.json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Manifest.parse(sha + " ../a.json https://h/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Manifest.parse("abc a.json https://h/x"))
        .isInstanceOf(IllegalArgumentException.class);
    String twice = sha + " a.json https://h/x\n" + sha + " a.json https://h/y";
    assertThatThrownBy(() -> Manifest.parse(twice))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
