package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of what a store reads back from disk or from a wrapped store (issue 18):
 * the record and mark files of {@link DirectoryStore}, a sealed record opened by {@link
 * SealedStore}, and the two keyset files of {@link EmbeddedStore}. Only {@link StorageException}
 * may escape; anything else is a finding. An accepted record or mark file is exactly the encoding
 * of what it holds.
 *
 * <p>Without {@code JAZZER_FUZZ} each target replays {@code StoreFuzzTestInputs/<target>/}: a valid
 * file of its kind ({@link StoreFuzzSeedsTest} checks that they stay valid) and every input that
 * once broke the invariant.
 */
class StoreFuzzTest {
  static final StateKey KEY =
      new StateKey("fuzz-meeting".getBytes(StandardCharsets.UTF_8), "fuzz", StateKey.MEETING);
  /** The AES-256 key of the sealed-record target and of the fixed key-encryption keyset. */
  static final byte[] FIXED_KEY =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  @TempDir static Path root;
  private static Dirs dirs;

  /** A state directory whose keyset is sealed with the fixed key-encryption keyset. */
  record Dirs(Path state, Path keys, byte[] keyset) {}

  private static synchronized Dirs dirs() {
    if (dirs == null) {
      dirs = makeDirs(root);
    }
    return dirs;
  }

  /** {@link EmbeddedStore}'s directories under {@code root}, with the fixed key-encryption keyset. */
  static Dirs makeDirs(Path root) {
    try {
      Path keys = root.resolve("state.key");
      Files.createDirectories(keys);
      Files.write(keys.resolve(EmbeddedStore.KEK_FILE), fixedKeyEncryptionKeyset());
      Path state = root.resolve("state");
      EmbeddedStore.open(state, keys);
      return new Dirs(state, keys, Files.readAllBytes(state.resolve(EmbeddedStore.KEYSET_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (StorageException e) {
      throw new AssertionError(e);
    }
  }

  /** A Tink keyset holding {@link #FIXED_KEY} as its one AES256-GCM key, in Tink's format. */
  static byte[] fixedKeyEncryptionKeyset() {
    try {
      AeadConfig.register();
      AesGcmKey key = AesGcmKey.builder()
          .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
              .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.TINK).build())
          .setKeyBytes(SecretBytes.copyFrom(FIXED_KEY, InsecureSecretKeyAccess.get()))
          .setIdRequirement(0x5ea1)
          .build();
      KeysetHandle keyset = KeysetHandle.newBuilder()
          .addEntry(KeysetHandle.importKey(key).makePrimary()).build();
      return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static Aead fixedAead() {
    try {
      return new AesGcmJce(FIXED_KEY);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A record file of {@link #KEY}: a record, or a {@link StorageException}. */
  @FuzzTest(maxDuration = "5m")
  void recordFile(byte[] bytes) {
    try {
      StateRecord record = FileFormat.parseRecord(bytes, KEY);
      assertThat(FileFormat.encodeRecord(FileFormat.keyDigest(KEY), record.version(),
          record.bytes())).isEqualTo(bytes);
    } catch (StorageException rejected) {
      // typed
    }
  }

  /** A mark file of {@link #KEY}. */
  @FuzzTest(maxDuration = "5m")
  void markFile(byte[] bytes) {
    try {
      long version = FileFormat.parseMark(bytes, KEY);
      assertThat(FileFormat.encodeMark(FileFormat.keyDigest(KEY), version)).isEqualTo(bytes);
    } catch (StorageException rejected) {
      // typed
    }
  }

  /** The bytes a wrapped store returns for version 1 of {@link #KEY}, opened with the fixed key. */
  @FuzzTest(maxDuration = "5m")
  void sealedRecord(byte[] bytes) {
    InMemoryStore inner = new InMemoryStore();
    inner.write(new StateRecord(KEY, 1, bytes));
    try {
      SealedStore.of(inner, fixedAead()).read(KEY);
    } catch (StorageException rejected) {
      // typed
    }
  }

  /** The state directory's sealing keyset file, under the fixed key-encryption keyset. */
  @FuzzTest(maxDuration = "5m")
  void keysetFile(byte[] bytes) throws IOException {
    Dirs d = dirs();
    Files.write(d.state().resolve(EmbeddedStore.KEYSET_FILE), bytes);
    try {
      EmbeddedStore.open(d.state(), d.keys());
    } catch (StorageException rejected) {
      // typed
    }
  }

  /** The key directory's key-encryption keyset file (in clear), with a sealed keyset beside. */
  @FuzzTest(maxDuration = "5m")
  void keyEncryptionKeyset(byte[] bytes) throws IOException {
    Dirs d = dirs();
    Files.write(d.state().resolve(EmbeddedStore.KEYSET_FILE), d.keyset());
    Files.write(d.keys().resolve(EmbeddedStore.KEK_FILE), bytes);
    try {
      EmbeddedStore.open(d.state(), d.keys());
    } catch (StorageException rejected) {
      // typed
    }
  }
}
