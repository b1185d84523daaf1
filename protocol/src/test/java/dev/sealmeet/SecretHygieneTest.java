package dev.sealmeet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §2: {@code Secret.copyOf(x.copyBytes())} leaves the intermediate array unwiped; {@code
 * x.copy()} makes the same holder without one. Scans the main sources of crypto and protocol.
 */
class SecretHygieneTest {
  private static final Pattern COPY_OF_COPY =
      Pattern.compile("Secret\\.(copyOf|wrap)\\(\\s*[\\w.()]+\\.copyBytes\\(\\)\\s*\\)");

  @Test
  void mainSources_neverWrapAFreshCopyOfASecret() throws IOException {
    List<String> hits = new ArrayList<>();
    for (String module : List.of("../crypto", "../protocol")) {
      try (Stream<Path> files = Files.walk(Path.of(module, "src", "main", "java"))) {
        for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          String text = Files.readString(file);
          if (COPY_OF_COPY.matcher(text).find()) {
            hits.add(file.toString());
          }
        }
      }
    }
    assertThat(hits).isEmpty();
  }
}
