package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.sealmeet.crypto.testing.Checked;
import dev.sealmeet.crypto.testing.Gens;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The record and mark files on generated keys and contents: encoding then parsing is the
 * identity, every truncation and every other key is refused, and arbitrary bytes give a record
 * or a {@link StorageException}, never another exception.
 */
class FileFormatProperties {
  private static Gen<StateKey> keys() {
    Gen<String> text = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 40)
        .map(s -> s.replaceAll("\\p{Cs}", "x"));
    return Gens.bytes(1, 40).zip(text, text, StateKey::new);
  }

  @Test
  void record_encodeThenParse_isIdentity() {
    qt().withExamples(300)
        .forAll(keys(), Gens.longs(1, Long.MAX_VALUE), Gens.bytes(300))
        .checkAssert(Checked.of((key, version, bytes) -> {
          byte[] file = FileFormat.encodeRecord(FileFormat.keyDigest(key), version, bytes);
          assertThat(FileFormat.parseRecord(file, key)).isEqualTo(
              new StateRecord(key, version, bytes));
          byte[] mark = FileFormat.encodeMark(FileFormat.keyDigest(key), version);
          assertThat(FileFormat.parseMark(mark, key)).isEqualTo(version);
        }));
  }

  @Test
  void record_truncatedOrForAnotherKey_isRefused() {
    qt().withExamples(300)
        .forAll(keys(), keys(), Gens.bytes(100), Gens.nonNegativeInts())
        .checkAssert((key, other, bytes, cut) -> {
          byte[] file = FileFormat.encodeRecord(FileFormat.keyDigest(key), 5, bytes);
          byte[] prefix = Arrays.copyOf(file, cut % file.length);
          assertThatThrownBy(() -> FileFormat.parseRecord(prefix, key))
              .isInstanceOf(StorageException.class);
          if (!other.equals(key)) {
            assertThatThrownBy(() -> FileFormat.parseRecord(file, other))
                .isInstanceOf(StorageException.class);
          }
        });
  }

  @Test
  void anyBytes_areARecordOrRefused() {
    qt().withExamples(1000)
        .forAll(keys(), Gens.bytes(120))
        .checkAssert((key, bytes) -> {
          try {
            StateRecord record = FileFormat.parseRecord(bytes, key);
            assertThat(FileFormat.encodeRecord(FileFormat.keyDigest(key), record.version(),
                record.bytes())).isEqualTo(bytes);
          } catch (StorageException refused) {
            // typed
          }
        });
  }

  @Test
  void loneSurrogate_inAnAccount_isRefused() {
    StateKey key = new StateKey(new byte[] {1}, "a\uD800", StateKey.MEETING);

    assertThatThrownBy(() -> FileFormat.keyDigest(key))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
