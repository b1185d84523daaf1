package dev.sealmeet.store;

import static dev.sealmeet.store.StoreTesting.ALICE;
import static dev.sealmeet.store.StoreTesting.ALICE_MARKS;
import static dev.sealmeet.store.StoreTesting.BOB;
import static dev.sealmeet.store.StoreTesting.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {
  private static final int WINDOW = 16;
  @TempDir Path tmp;
  private Path stateDir;
  private Path keyDir;

  @BeforeEach
  void dirs() {
    stateDir = tmp.resolve("alice-state");
    keyDir = EmbeddedStore.defaultKeyDirectory(stateDir);
  }

  @Test
  void open_firstUse_makesTheKeysInTwoDirectories_ownerOnly() throws Exception {
    EmbeddedStore.open(stateDir);

    assertThat(keyDir).isEqualTo(tmp.resolve("alice-state.key"));
    assertThat(stateDir.resolve(EmbeddedStore.KEYSET_FILE)).isRegularFile();
    assertThat(keyDir.resolve(EmbeddedStore.KEK_FILE)).isRegularFile();
    assertThat(stateDir.resolve(EmbeddedStore.KEK_FILE)).doesNotExist();
    if (AtomicFiles.isPosix(tmp)) {
      for (Path dir : List.of(stateDir, keyDir)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
            .isEqualTo("rwx------");
      }
      assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(keyDir.resolve(EmbeddedStore.KEK_FILE))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void reopen_readsWhatWasWritten_andKeepsTheNewestVersionsInTheKeyDirectory() throws Exception {
    StateRecord record = new StateRecord(ALICE, 2, random(100));
    EmbeddedStore.open(stateDir).write(record);

    SealedStore reopened = EmbeddedStore.open(stateDir);

    assertThat(reopened.read(ALICE)).contains(record);
    assertThat(StoreTesting.files(keyDir.resolve(EmbeddedStore.MARKS))).hasSize(1);
    assertThat(StoreTesting.files(stateDir))
        .noneMatch(p -> p.getFileName().toString().endsWith(".mark"));
  }

  @Test
  void noSecretInAnyFileOfTheStateDirectory() throws Exception {
    SealedStore store = EmbeddedStore.open(stateDir, keyDir);
    Set<ByteBuffer> secrets = new HashSet<>();
    List<StateKey> keys = List.of(ALICE, ALICE_MARKS, BOB);
    for (StateKey key : keys) {
      for (int version = 1; version <= 3; version++) {
        byte[] secret = random(2048);
        secrets.addAll(StoreTesting.windows(secret, WINDOW));
        byte[] bytes = ByteBuffer.allocate(2048 + 64)
            .put("KEY MATERIAL FOLLOWS ".getBytes(StandardCharsets.US_ASCII)).put(secret)
            .array();
        store.write(new StateRecord(key, version, bytes));
      }
    }
    byte[] sealingKey = aesKey(sealingKeyset());
    byte[] keyEncryptionKey = aesKey(keyEncryptionKeyset());
    secrets.addAll(StoreTesting.windows(sealingKey, WINDOW));
    secrets.addAll(StoreTesting.windows(keyEncryptionKey, WINDOW));
    secrets.addAll(StoreTesting.windows(
        "KEY MATERIAL FOLLOWS ".getBytes(StandardCharsets.US_ASCII), WINDOW));

    List<Path> files = StoreTesting.files(stateDir);
    assertThat(files).hasSize(keys.size() + 1);
    for (Path file : files) {
      assertThat(StoreTesting.containsAny(Files.readAllBytes(file), secrets, WINDOW))
          .as("a secret in %s", file).isFalse();
    }
    assertThat(keyDir.startsWith(stateDir)).isFalse();
    // the check finds what it looks for: the key directory holds the key-encryption key
    assertThat(StoreTesting.containsAny(
        Files.readAllBytes(keyDir.resolve(EmbeddedStore.KEK_FILE)), secrets, WINDOW)).isTrue();
    for (StateKey key : keys) {
      assertThat(store.read(key).orElseThrow().version()).isEqualTo(3);
    }
  }

  @Test
  void stolenStateDirectory_withoutItsKeyDirectory_opensNothing() throws Exception {
    EmbeddedStore.open(stateDir).write(new StateRecord(ALICE, 1, random(100)));
    Path stolen = tmp.resolve("elsewhere").resolve("copy");
    Files.createDirectories(stolen);
    for (Path file : StoreTesting.files(stateDir)) {
      Path target = stolen.resolve(stateDir.relativize(file));
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }

    assertThatThrownBy(() -> EmbeddedStore.open(stolen))
        .isInstanceOf(StorageException.class).hasMessageContaining("not in");
    // with a key directory of another store, the keyset does not open either
    EmbeddedStore.open(tmp.resolve("mallory"));
    Files.copy(tmp.resolve("mallory.key").resolve(EmbeddedStore.KEK_FILE),
        EmbeddedStore.defaultKeyDirectory(stolen).resolve(EmbeddedStore.KEK_FILE),
        StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> EmbeddedStore.open(stolen))
        .isInstanceOf(StorageException.class).hasMessageContaining("does not open");
  }

  @Test
  void recordsWithoutTheirKeyset_areNotGivenANewKey() throws Exception {
    EmbeddedStore.open(stateDir).write(new StateRecord(ALICE, 1, random(100)));
    Files.delete(stateDir.resolve(EmbeddedStore.KEYSET_FILE));

    assertThatThrownBy(() -> EmbeddedStore.open(stateDir))
        .isInstanceOf(StorageException.class).hasMessageContaining("no keyset");
  }

  @Test
  void keyDirectory_insideTheStateDirectory_isRefused() {
    assertThatThrownBy(() -> EmbeddedStore.open(stateDir, stateDir.resolve("key")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmbeddedStore.open(stateDir, stateDir))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rollback_oldRecordFilePutBack_isSeenThroughTheKeyDirectory() throws Exception {
    DirectoryStore plain = DirectoryStore.open(stateDir, keyDir.resolve(EmbeddedStore.MARKS));
    StateRecord first = StoreTesting.rollBack(EmbeddedStore.open(stateDir), plain, ALICE);

    SealedStore reopened = EmbeddedStore.open(stateDir);
    assertThat(reopened.read(ALICE)).contains(first);
    assertThat(reopened.newestVersion(ALICE)).isEqualTo(2);
  }

  @Test
  void everyBitFlip_ofTheSealedKeyset_failsTyped() throws Exception {
    EmbeddedStore.open(stateDir);

    StoreTesting.everyBitFlipFails(stateDir.resolve(EmbeddedStore.KEYSET_FILE),
        () -> EmbeddedStore.open(stateDir));
  }

  @Test
  void anyBitFlip_ofTheKeyEncryptionKeyset_failsTypedOrStillOpens() throws Exception {
    StateRecord record = new StateRecord(ALICE, 1, random(10));
    EmbeddedStore.open(stateDir).write(record);
    Path kek = keyDir.resolve(EmbeddedStore.KEK_FILE);
    byte[] original = Files.readAllBytes(kek);
    List<Integer> harmless = new ArrayList<>();
    for (int bit = 0; bit < original.length * 8; bit++) {
      byte[] flipped = original.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Files.write(kek, flipped);
      try {
        assertThat(EmbeddedStore.open(stateDir).read(ALICE)).contains(record);
        harmless.add(bit);
      } catch (StorageException expected) {
        // refused, typed
      }
    }
    Files.write(kek, original);
    assertThat(harmless).hasSizeLessThan(original.length * 8 / 4);
  }

  @Test
  void toString_showsTheDirectoriesOnly() throws Exception {
    assertThat(EmbeddedStore.open(stateDir).toString())
        .isEqualTo("SealedStore[DirectoryStore[" + stateDir + ", marks "
            + keyDir.resolve(EmbeddedStore.MARKS) + "]]");
  }

  private KeysetHandle keyEncryptionKeyset() throws Exception {
    return TinkProtoKeysetFormat.parseKeyset(
        Files.readAllBytes(keyDir.resolve(EmbeddedStore.KEK_FILE)), InsecureSecretKeyAccess.get());
  }

  private KeysetHandle sealingKeyset() throws Exception {
    return TinkProtoKeysetFormat.parseEncryptedKeyset(
        Files.readAllBytes(stateDir.resolve(EmbeddedStore.KEYSET_FILE)),
        keyEncryptionKeyset().getPrimitive(RegistryConfiguration.get(),
            com.google.crypto.tink.Aead.class),
        "sealmeet state keyset v1".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] aesKey(KeysetHandle keyset) {
    return ((AesGcmKey) keyset.getPrimary().getKey()).getKeyBytes()
        .toByteArray(InsecureSecretKeyAccess.get());
  }
}
