package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreScan}: finds a key at any offset of any file, whole keys only. */
class StoreScanTest {
  @TempDir Path dir;

  @Test
  void scan_findsEachKeyWhereverItIs_andNothingElse() throws Exception {
    Random random = new Random(7);
    byte[] a = new byte[16];
    byte[] b = new byte[32];
    byte[] absent = new byte[12];
    random.nextBytes(a);
    random.nextBytes(b);
    random.nextBytes(absent);
    byte[] first = new byte[1000];
    random.nextBytes(first);
    System.arraycopy(a, 0, first, 0, a.length); // at the start
    System.arraycopy(b, 0, first, first.length - b.length, b.length); // at the very end
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("sub/one"), first);
    byte[] second = new byte[500];
    random.nextBytes(second);
    byte[] almost = absent.clone();
    almost[almost.length - 1] ^= 1; // all but the last byte of a key: not the key
    System.arraycopy(almost, 0, second, 100, almost.length);
    System.arraycopy(a, 0, second, 333, a.length);
    Files.write(dir.resolve("two"), second);

    StoreScan.Result result = StoreScan.scan(dir, List.of(a, b, absent));

    assertThat(result.files()).isEqualTo(2);
    assertThat(result.bytes()).isEqualTo(1500);
    assertThat(result.keys()).isEqualTo(3);
    assertThat(result.found()).containsExactly("key 0 in sub/one at 0", "key 1 in sub/one at 968",
        "key 0 in two at 333");
  }

  @Test
  void scan_ofACleanDirectory_findsNothing() throws Exception {
    byte[] key = new byte[16];
    Arrays.fill(key, (byte) 9);
    Files.write(dir.resolve("f"), new byte[4096]);
    assertThat(StoreScan.scan(dir, List.of(key)).found()).isEmpty();
  }

  @Test
  void scan_refusesKeysShorterThan8Bytes() {
    assertThatThrownBy(() -> StoreScan.scan(dir, List.of(new byte[7])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
