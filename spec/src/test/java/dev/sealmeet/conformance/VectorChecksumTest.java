package dev.sealmeet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our own vectors in {@code spec/vectors} are exactly the files listed, with the SHA-256 recorded in
 * SHA256SUMS (the official vectors are pinned by {@code official-vectors.pins} instead).
 */
class VectorChecksumTest {

  @Test
  void bundledVectors_matchSha256Sums() throws IOException, NoSuchAlgorithmException {
    Path root = BundledVectorsTest.OWN;
    Map<String, String> expected = new TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String[] parts = line.split("\\s+", 2);
        expected.put(parts[1].replaceFirst("^\\./", ""), parts[0]);
      }
    }
    Map<String, String> actual = new TreeMap<>();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList())) {
        String name = root.relativize(p).toString().replace('\\', '/');
        actual.put(name, HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(p))));
      }
    }
    assertThat(actual).isEqualTo(expected);
  }
}
