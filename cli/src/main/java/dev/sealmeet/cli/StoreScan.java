package dev.sealmeet.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for keys in every byte of every file under a directory (the delivery service's store after
 * {@code demo --network}): each key at every offset of each file, whole. Keys shorter than 8 bytes
 * are refused (they would be found by chance).
 */
final class StoreScan {
  /** What a scan looked at and found: files, bytes, and one line per key found. */
  record Result(long files, long bytes, long keys, List<String> found) {}

  private StoreScan() {}

  /** Scans every regular file under {@code dir} for every key of {@code keys}. */
  static Result scan(Path dir, List<byte[]> keys) throws IOException {
    Map<Long, List<Integer>> byPrefix = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).length < 8) {
        throw new IllegalArgumentException("key " + i + " is shorter than 8 bytes");
      }
      byPrefix.computeIfAbsent(ByteBuffer.wrap(keys.get(i)).getLong(), p -> new ArrayList<>())
          .add(i);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long bytes = 0;
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      bytes += content.length;
      ByteBuffer view = ByteBuffer.wrap(content);
      for (int at = 0; at + 8 <= content.length; at++) {
        List<Integer> candidates = byPrefix.get(view.getLong(at));
        if (candidates == null) {
          continue;
        }
        for (int i : candidates) {
          byte[] key = keys.get(i);
          if (at + key.length <= content.length
              && Arrays.equals(content, at, at + key.length, key, 0, key.length)) {
            found.add("key " + i + " in " + dir.relativize(file) + " at " + at);
          }
        }
      }
    }
    return new Result(files.size(), bytes, keys.size(), found);
  }
}
