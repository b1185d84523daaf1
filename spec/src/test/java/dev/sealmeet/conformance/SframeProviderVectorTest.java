package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.conformance.json.Json;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The RFC 9605 vectors (and the post-RFC AES-256-CTR ones) through the provider path of
 * {@link SframeOptions#withProvider}: an explicitly passed JDK provider always, Amazon Corretto
 * Crypto Provider when it loads on this machine, so that a provider can never change the bytes.
 * Without ACCP (another OS or CPU, or its native library refused) its tests are aborted with the
 * reason, never passed.
 */
class SframeProviderVectorTest {
  private static final Path RFC_FILE = VectorRoot.official().resolve("sframe/test-vectors.json");
  private static final Path POST_RFC = VectorRoot.official().resolve("sframe/post-rfc");

  private static List<Path> vectorFiles() throws IOException {
    try (Stream<Path> post = Files.list(POST_RFC)) {
      return Stream.concat(Stream.of(RFC_FILE),
          post.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()).toList();
    }
  }

  private static Stream<DynamicTest> run(String label, SframeOptions options) throws IOException {
    SframeFamily family = new SframeFamily(options);
    Stream<DynamicTest> all = Stream.empty();
    for (Path file : vectorFiles()) {
      JsonNode content = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      List<CaseResult> results = family.run(content);
      all = Stream.concat(all, results.stream()
          .filter(r -> !r.name().startsWith("header /"))
          .map(r -> DynamicTest.dynamicTest(label + " / " + file.getFileName() + " / " + r.name(),
              () -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED))));
    }
    return all;
  }

  @TestFactory
  Stream<DynamicTest> vectors_explicitJdkProvider_sameBytes() throws IOException {
    Provider sunJce = java.security.Security.getProvider("SunJCE");
    assertThat(sunJce).isNotNull();
    return run("SunJCE", SframeOptions.defaults().withProvider(sunJce));
  }

  @TestFactory
  Stream<DynamicTest> vectors_amazonCorrettoCryptoProvider_sameBytes() throws IOException {
    Provider accp = AccpLoader.provider();
    if (accp == null) {
      return Stream.of(DynamicTest.dynamicTest("ACCP", () ->
          Assumptions.abort("ACCP does not load here: " + AccpLoader.whyNot())));
    }
    return run("ACCP", SframeOptions.defaults().withProvider(accp));
  }

  @TestFactory
  Stream<DynamicTest> vectors_providerPathCoversAeadAndFrames() throws IOException {
    List<CaseResult> results = new SframeFamily(SframeOptions.defaults()
        .withProvider(java.security.Security.getProvider("SunJCE")))
        .run(Json.parse(Files.readString(RFC_FILE, StandardCharsets.UTF_8)));
    return Stream.of(DynamicTest.dynamicTest("AEAD and frame cases present", () -> {
      assertThat(results).filteredOn(r -> r.name().startsWith("aes_ctr_hmac /")).hasSize(3);
      assertThat(results).filteredOn(r -> r.name().startsWith("sframe /")).hasSize(5);
    }));
  }

  /** Loads ACCP by reflection so that this file compiles without it on the class path. */
  static final class AccpLoader {
    private static final String CLASS =
        "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    /** The provider, or null if it is absent or its native library did not load. */
    static Provider provider() {
      try {
        return whyNot() == null
            ? (Provider) Class.forName(CLASS).getField("INSTANCE").get(null)
            : null;
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }

    /** Why ACCP cannot be used here, or null if it can. */
    static String whyNot() {
      try {
        Provider p = (Provider) Class.forName(CLASS).getField("INSTANCE").get(null);
        Object error = p.getClass().getMethod("getLoadingError").invoke(p);
        return error == null ? null : error.toString();
      } catch (ReflectiveOperationException | LinkageError e) {
        return e.toString();
      }
    }
  }
}
