package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed seeds of {@link StoreFuzzTest} are valid files of their kind, so a regression run
 * and a fuzzing run start past the format checks. After a change to a format, regenerate them with
 * {@code -Dsealmeet.writeFuzzSeeds=true} and review the diff.
 */
class StoreFuzzSeedsTest {
  private static final Path INPUTS =
      Path.of("src", "test", "resources", "dev", "sealmeet", "store", "StoreFuzzTestInputs");

  @TempDir Path tmp;

  private Map<String, byte[]> seeds(StoreFuzzTest.Dirs dirs) throws Exception {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    byte[] digest = FileFormat.keyDigest(StoreFuzzTest.KEY);
    seeds.put("recordFile/seed-record", FileFormat.encodeRecord(digest, 3, new byte[] {1, 2, 3}));
    seeds.put("recordFile/seed-empty-record", FileFormat.encodeRecord(digest, 1, new byte[0]));
    seeds.put("markFile/seed-mark", FileFormat.encodeMark(digest, 3));
    InMemoryStore inner = new InMemoryStore();
    SealedStore.of(inner, StoreFuzzTest.fixedAead())
        .write(new StateRecord(StoreFuzzTest.KEY, 1, new byte[] {1, 2, 3}));
    seeds.put("sealedRecord/seed-sealed", inner.get(StoreFuzzTest.KEY).bytes());
    seeds.put("keysetFile/seed-keyset", dirs.keyset());
    seeds.put("keyEncryptionKeyset/seed-key-encryption-keyset",
        StoreFuzzTest.fixedKeyEncryptionKeyset());
    return seeds;
  }

  @Test
  void committedSeeds_areValidFilesOfTheirKind() throws Exception {
    boolean write = Boolean.getBoolean("sealmeet.writeFuzzSeeds");
    StoreFuzzTest.Dirs d = StoreFuzzTest.makeDirs(tmp);
    for (Map.Entry<String, byte[]> seed : seeds(d).entrySet()) {
      Path file = INPUTS.resolve(seed.getKey());
      if (write) {
        Files.createDirectories(file.getParent());
        Files.write(file, seed.getValue());
      }
      assertThat(file).as(seed.getKey()).exists();
    }
    assertThat(FileFormat.parseRecord(read("recordFile/seed-record"), StoreFuzzTest.KEY)
        .version()).isEqualTo(3);
    assertThat(FileFormat.parseRecord(read("recordFile/seed-empty-record"), StoreFuzzTest.KEY)
        .bytes()).isEmpty();
    assertThat(FileFormat.parseMark(read("markFile/seed-mark"), StoreFuzzTest.KEY)).isEqualTo(3);
    InMemoryStore inner = new InMemoryStore();
    inner.write(new StateRecord(StoreFuzzTest.KEY, 1, read("sealedRecord/seed-sealed")));
    assertThat(SealedStore.of(inner, StoreFuzzTest.fixedAead()).read(StoreFuzzTest.KEY)
        .orElseThrow().bytes()).containsExactly(1, 2, 3);
    Files.write(d.state().resolve(EmbeddedStore.KEYSET_FILE), read("keysetFile/seed-keyset"));
    Files.write(d.keys().resolve(EmbeddedStore.KEK_FILE),
        read("keyEncryptionKeyset/seed-key-encryption-keyset"));
    opens(d);
  }

  private static void opens(StoreFuzzTest.Dirs d) throws StorageException {
    assertThat(EmbeddedStore.open(d.state(), d.keys()).read(StoreFuzzTest.KEY)).isEmpty();
  }

  private static byte[] read(String seed) throws IOException {
    return Files.readAllBytes(INPUTS.resolve(seed));
  }
}
