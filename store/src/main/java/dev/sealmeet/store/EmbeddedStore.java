package dev.sealmeet.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.sealmeet.error.SealmeetBugException;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The store that needs no setup: a {@link DirectoryStore} sealed by a {@link SealedStore} whose
 * key the store makes and keeps itself, in two places.
 *
 * <pre>
 * stateDir/keyset.tink            the sealing keyset (AES256-GCM), encrypted with the KEK
 *                                 (Tink's encrypted keyset, associated data "sealmeet state keyset v1")
 * stateDir/&lt;member&gt;/&lt;key&gt;.rec     the records, sealed
 * keyDir/key-encryption.tink      the key-encryption keyset (AES256-GCM), in clear, owner-only
 * keyDir/marks/                   the newest version of each record
 * </pre>
 *
 * <p>{@code keyDir} defaults to the sibling {@code <stateDir>.key}; it must not be inside the state
 * directory. Both are created on first use, owner-only where the file system is POSIX.
 *
 * <p><b>What it protects against:</b> a copy of the state directory without the key directory (a
 * backup, a cloud-synced folder, a disk image of one directory, a file shared by mistake) reveals
 * nothing of any meeting: every secret in it is sealed, and the sealing keyset is encrypted with a
 * key that is not there. An older record put back into the state directory is seen, because the
 * newest versions are kept in the key directory. <b>What it does not:</b> whoever can read both
 * directories, malware running as the user, another program of the same user, root, a backup of
 * the whole home directory, has every key. Against that, seal with a key the process cannot
 * export: {@link SealedStore#of(dev.sealmeet.meeting.MeetingStore, Aead)} with a KMS or Android
 * Keystore AEAD over {@link DirectoryStore#open(Path, Path)}.
 */
public final class EmbeddedStore {
  /** The encrypted sealing keyset, in the state directory. */
  static final String KEYSET_FILE = "keyset.tink";
  /** The key-encryption keyset, in the key directory. */
  static final String KEK_FILE = "key-encryption.tink";
  /** The newest-version marks, in the key directory. */
  static final String MARKS = "marks";
  /** A keyset file larger than this is not one of ours. */
  private static final int MAX_KEYSET_BYTES = 64 * 1024;
  private static final byte[] KEYSET_ASSOCIATED_DATA =
      "sealmeet state keyset v1".getBytes(StandardCharsets.US_ASCII);

  private EmbeddedStore() {}

  /**
   * Opens (creating on first use) the store in {@code stateDir} with its key in the sibling
   * directory {@link #defaultKeyDirectory}.
   *
   * @throws StorageException if a directory or key cannot be created or read, or the state
   *     directory's keyset does not open with the key directory's key
   */
  public static SealedStore open(Path stateDir) throws StorageException {
    return open(stateDir, defaultKeyDirectory(stateDir));
  }

  /** {@code <stateDir>.key}, beside the state directory. */
  public static Path defaultKeyDirectory(Path stateDir) {
    Path state = stateDir.toAbsolutePath().normalize();
    return state.resolveSibling(state.getFileName() + ".key");
  }

  /**
   * Opens (creating on first use) the store in {@code stateDir} with its key-encryption key and
   * newest-version marks in {@code keyDir}.
   *
   * @throws IllegalArgumentException if {@code keyDir} is the state directory or inside it
   * @throws StorageException if a directory or key cannot be created or read; if the state
   *     directory holds a keyset but the key directory no key (a state directory without its
   *     key), or records but no keyset; or if the keyset does not open with the key
   */
  public static SealedStore open(Path stateDir, Path keyDir) throws StorageException {
    Path state = stateDir.toAbsolutePath().normalize();
    Path keys = keyDir.toAbsolutePath().normalize();
    if (keys.startsWith(state)) {
      throw new IllegalArgumentException(
          "the key directory must not be inside the state directory: " + keys);
    }
    try {
      Files.createDirectories(keys.getParent());
      AtomicFiles.createDirectory(keys);
      AtomicFiles.deleteTempFiles(keys);
    } catch (IOException e) {
      throw new StorageException("cannot create the key directory " + keys, e);
    }
    DirectoryStore records = DirectoryStore.open(state, keys.resolve(MARKS));
    Aead kek = keyEncryptionKey(state.resolve(KEYSET_FILE), keys.resolve(KEK_FILE));
    return SealedStore.of(records, sealingKey(state, kek));
  }

  /** Reads the key-encryption key, or makes it if neither it nor a sealing keyset exists. */
  private static Aead keyEncryptionKey(Path keyset, Path kekFile) throws StorageException {
    if (Files.exists(kekFile)) {
      byte[] file = readKeyset(kekFile);
      try {
        return SealedStore.aead(
            TinkProtoKeysetFormat.parseKeyset(file, InsecureSecretKeyAccess.get()));
      } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
        // Tink 1.20 parses some damaged keysets (a key status of no known value, no enabled
        // primary) and then throws these unchecked exceptions from getPrimitive.
        throw new StorageException("the key-encryption keyset " + kekFile + " is damaged");
      }
    }
    if (Files.exists(keyset)) {
      throw new StorageException("the state directory's keyset " + keyset
          + " was encrypted with a key that is not in " + kekFile.getParent());
    }
    try {
      KeysetHandle kek = generate();
      writeKeyset(kekFile,
          TinkProtoKeysetFormat.serializeKeyset(kek, InsecureSecretKeyAccess.get()));
      return SealedStore.aead(kek);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("Tink cannot make and serialize an AES256-GCM keyset", e);
    }
  }

  /** Opens the state directory's sealing keyset, or makes it if the directory has no record. */
  private static Aead sealingKey(Path state, Aead kek) throws StorageException {
    Path file = state.resolve(KEYSET_FILE);
    if (Files.exists(file)) {
      byte[] encrypted = readKeyset(file);
      try {
        return SealedStore.aead(
            TinkProtoKeysetFormat.parseEncryptedKeyset(encrypted, kek, KEYSET_ASSOCIATED_DATA));
      } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
        throw new StorageException("the keyset " + file
            + " does not open with the key directory's key: another key directory, or damaged");
      }
    }
    if (holdsRecords(state)) {
      throw new StorageException("the state directory " + state
          + " holds records but no keyset to open them");
    }
    try {
      KeysetHandle keyset = generate();
      writeKeyset(file, TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, kek,
          KEYSET_ASSOCIATED_DATA));
      return SealedStore.aead(keyset);
    } catch (GeneralSecurityException e) {
      throw new StorageException("cannot encrypt a new keyset with the key directory's key: "
          + e.getClass().getSimpleName());
    }
  }

  private static KeysetHandle generate() throws GeneralSecurityException {
    AeadConfig.register();
    return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
  }

  private static boolean holdsRecords(Path state) throws StorageException {
    try (DirectoryStream<Path> members = Files.newDirectoryStream(state, Files::isDirectory)) {
      return members.iterator().hasNext();
    } catch (IOException e) {
      throw new StorageException("cannot list " + state, e);
    }
  }

  private static byte[] readKeyset(Path file) throws StorageException {
    try {
      long size = Files.size(file);
      if (size > MAX_KEYSET_BYTES) {
        throw new StorageException("the keyset " + file + " has " + size + " bytes, more than "
            + MAX_KEYSET_BYTES);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StorageException("cannot read the keyset " + file, e);
    }
  }

  private static void writeKeyset(Path file, byte[] keyset) throws StorageException {
    try {
      AtomicFiles.write(file, keyset);
    } catch (IOException e) {
      throw new StorageException("cannot write the keyset " + file, e);
    }
  }
}
