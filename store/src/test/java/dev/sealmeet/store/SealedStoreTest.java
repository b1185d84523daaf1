package dev.sealmeet.store;

import static dev.sealmeet.store.StoreTesting.ALICE;
import static dev.sealmeet.store.StoreTesting.ALICE_ELSEWHERE;
import static dev.sealmeet.store.StoreTesting.ALICE_MARKS;
import static dev.sealmeet.store.StoreTesting.BOB;
import static dev.sealmeet.store.StoreTesting.MEETING;
import static dev.sealmeet.store.StoreTesting.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedStoreTest {
  private static KeysetHandle keyset;
  @TempDir Path tmp;
  private final InMemoryStore inner = new InMemoryStore();

  @BeforeAll
  static void keyset() throws GeneralSecurityException {
    AeadConfig.register();
    keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
  }

  private SealedStore sealed(KeysetHandle keys) {
    return SealedStore.of(inner, keys);
  }

  @Test
  void write_thenRead_returnsTheRecord_andTheInnerStoreHoldsNoPlaintext() throws Exception {
    SealedStore store = sealed(keyset);
    byte[] secret = random(500);
    StateRecord record = new StateRecord(ALICE, 3, secret);

    store.write(record);

    assertThat(store.read(ALICE)).contains(record);
    assertThat(store.newestVersion(ALICE)).isEqualTo(3);
    StateRecord stored = inner.get(ALICE);
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.bytes()[0]).isEqualTo((byte) SealedStore.SEALED_FORMAT);
    assertThat(StoreTesting.containsAny(stored.bytes(), StoreTesting.windows(secret, 16), 16))
        .isFalse();
    assertThat(store.read(BOB)).isEmpty();
  }

  @Test
  void record_movedToAnotherMeetingAccountOrName_doesNotOpen() throws Exception {
    SealedStore store = sealed(keyset);
    store.write(new StateRecord(ALICE, 1, random(64)));

    for (StateKey other : List.of(ALICE_ELSEWHERE, BOB, ALICE_MARKS)) {
      inner.put(other, inner.get(ALICE));
      assertThatThrownBy(() -> store.read(other)).as("%s", other)
          .isInstanceOf(StorageException.class).hasMessageContaining("does not open")
          .hasNoCause();
    }
  }

  @Test
  void record_underAnotherVersion_doesNotOpen() throws Exception {
    SealedStore store = sealed(keyset);
    store.write(new StateRecord(ALICE, 1, random(64)));
    StateRecord first = inner.get(ALICE);

    for (long version : new long[] {2, Long.MAX_VALUE}) {
      inner.put(ALICE, new StateRecord(ALICE, version, first.bytes()));
      assertThatThrownBy(() -> store.read(ALICE)).isInstanceOf(StorageException.class);
    }
  }

  @Test
  void rollback_onDisk_oldFileIsSeen_andUnderTheNewVersionDoesNotOpen() throws Exception {
    DirectoryStore directory = DirectoryStore.open(tmp.resolve("state"), tmp.resolve("marks"));
    SealedStore store = SealedStore.of(directory, keyset);
    StateRecord first = StoreTesting.rollBack(store, directory, ALICE);
    byte[] oldFile = Files.readAllBytes(directory.recordPath(ALICE));
    assertThat(store.read(ALICE)).contains(first);
    assertThat(store.newestVersion(ALICE)).isEqualTo(2);

    // the same old file, its version field set to 2 and its CRC made right again
    StateRecord renumbered = new StateRecord(ALICE, 2,
        FileFormat.parseRecord(oldFile, ALICE).bytes());
    Files.write(directory.recordPath(ALICE), FileFormat.encodeRecord(
        FileFormat.keyDigest(ALICE), renumbered.version(), renumbered.bytes()));
    assertThat(directory.read(ALICE)).contains(renumbered);
    assertThatThrownBy(() -> store.read(ALICE)).isInstanceOf(StorageException.class);
  }

  @Test
  void everyBitFlip_ofASealedFile_failsTyped() throws Exception {
    DirectoryStore directory = DirectoryStore.open(tmp.resolve("state"), tmp.resolve("marks"));
    SealedStore store = SealedStore.of(directory, keyset);
    store.write(new StateRecord(ALICE, 7, random(24)));

    int flips = StoreTesting.everyBitFlipFails(directory.recordPath(ALICE), () -> store.read(ALICE));

    assertThat(flips).isGreaterThan(8 * (FileFormat.RECORD_OVERHEAD + 24));
    assertThat(store.read(ALICE)).isPresent();
  }

  @Test
  void everyBitFlip_ofTheSealedBytes_failsTyped_evenWithoutTheFileChecks() throws Exception {
    SealedStore store = sealed(keyset);
    store.write(new StateRecord(ALICE, 7, random(24)));
    byte[] sealed = inner.get(ALICE).bytes();

    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      inner.put(ALICE, new StateRecord(ALICE, 7, flipped));
      assertThatThrownBy(() -> store.read(ALICE)).isInstanceOf(StorageException.class);
    }
  }

  @Test
  void anotherKey_orNotSealedBytes_doNotOpen() throws Exception {
    sealed(keyset).write(new StateRecord(ALICE, 1, random(64)));
    SealedStore otherKey = sealed(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    assertThatThrownBy(() -> otherKey.read(ALICE)).isInstanceOf(StorageException.class);

    for (byte[] bytes : new byte[][] {{}, {0}, {2, 1, 2, 3}, {SealedStore.SEALED_FORMAT}}) {
      inner.put(BOB, new StateRecord(BOB, 1, bytes));
      assertThatThrownBy(() -> otherKey.read(BOB)).isInstanceOf(StorageException.class);
    }
  }

  @Test
  void failures_nameTheRecordAndVersion_neverTheAccountOrBytes() throws Exception {
    SealedStore store = sealed(keyset);
    byte[] secret = random(32);
    store.write(new StateRecord(ALICE, 1, secret));
    inner.put(BOB, inner.get(ALICE));

    assertThatThrownBy(() -> store.read(BOB)).isInstanceOf(StorageException.class)
        .hasMessageContaining(StateKey.MEETING).hasMessageContaining("version 1")
        .hasMessageNotContaining("bob").hasMessageNotContaining(FileFormat.hex(secret));
  }

  @Test
  void aeadThatCannotSeal_failsTyped_andWritesNothing() {
    Aead down = new Aead() {
      @Override
      public byte[] encrypt(byte[] plaintext, byte[] associatedData)
          throws GeneralSecurityException {
        throw new GeneralSecurityException("KMS unreachable");
      }

      @Override
      public byte[] decrypt(byte[] ciphertext, byte[] associatedData)
          throws GeneralSecurityException {
        throw new GeneralSecurityException("KMS unreachable");
      }
    };
    SealedStore store = SealedStore.of(inner, down);

    assertThatThrownBy(() -> store.write(new StateRecord(ALICE, 1, random(8))))
        .isInstanceOf(StorageException.class).hasMessageContaining("cannot seal");
    assertThat(inner.get(ALICE)).isNull();
  }

  @Test
  void of_aKeysetWithoutAnAead_isRefused() throws GeneralSecurityException {
    MacConfig.register();
    KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);

    assertThatThrownBy(() -> SealedStore.of(inner, mac))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void associatedData_isLabelLengthPrefixedFieldsAndVersion() {
    StateKey key = new StateKey(new byte[] {9, 8}, "é", "n");

    ByteBuffer expected = ByteBuffer.allocate(17 + 4 + 2 + 4 + 2 + 4 + 1 + 8)
        .put("sealmeet state v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(2).put(new byte[] {9, 8}).putInt(2).put(new byte[] {(byte) 0xc3, (byte) 0xa9})
        .putInt(1).put((byte) 'n').putLong(0x0102030405060708L);
    assertThat(SealedStore.associatedData(key, 0x0102030405060708L)).isEqualTo(expected.array());
  }

  @Test
  void erase_andNewestVersion_passThrough() throws Exception {
    SealedStore store = sealed(keyset);
    store.write(new StateRecord(ALICE, 4, random(8)));
    store.erase(MEETING, "alice");
    assertThat(store.read(ALICE)).isEmpty();
  }

  @Test
  void toString_showsTheInnerStoreNeverKeysOrBytes() throws Exception {
    DirectoryStore directory = DirectoryStore.open(tmp.resolve("state"));
    SealedStore store = SealedStore.of(directory, keyset);

    assertThat(store.toString()).isEqualTo("SealedStore[" + directory + "]");
  }
}
