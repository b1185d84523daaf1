package dev.sealmeet.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MeetingStore} that seals every record with a Tink {@link Aead} before it reaches the
 * store it wraps, and opens it on the way back. The associated data binds the ciphertext to where
 * it belongs:
 *
 * <pre>
 * "sealmeet state v1" || u32 len || meeting id || u32 len || account (UTF-8)
 *                     || u32 len || record name (UTF-8) || u64 version
 * </pre>
 *
 * so a record moved to another meeting, member or name, or put back under another version number,
 * does not open ({@link StorageException}). The wrapped store sees one format byte and the Tink
 * ciphertext; versions and newest versions pass through unchanged.
 *
 * <p><b>What it protects against:</b> whoever reads or alters the wrapped store without the AEAD's
 * key (a copied, synced or backed-up state directory; a database administrator) learns nothing of
 * the state but its size and version numbers, and cannot make the meeting accept a record it did
 * not write for that place and version. <b>What it does not:</b> anyone who can use the key
 * (malware running as the user, when the key is a file beside the state) gets everything; an
 * older record sealed for the same place and version cannot be told from the newest by sealing:
 * that is what {@link #newestVersion} of a wrapped store that keeps marks apart is for. The key
 * should come from where the platform keeps keys: a KMS, the Android Keystore, or {@link
 * EmbeddedStore}'s key directory as the zero-setup default.
 *
 * <p>Safe for concurrent use if the wrapped store is (Tink's primitives are).
 */
public final class SealedStore implements MeetingStore {
  /** The first byte of every sealed record, so that a later format can be told apart. */
  static final int SEALED_FORMAT = 1;

  private static final byte[] LABEL = "sealmeet state v1".getBytes(StandardCharsets.US_ASCII);

  private final MeetingStore inner;
  private final Aead aead;

  private SealedStore(MeetingStore inner, Aead aead) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.aead = Objects.requireNonNull(aead, "aead");
  }

  /**
   * Seals the records of {@code inner} with {@code aead}: a KMS's remote AEAD, an Android
   * Keystore key, or any Tink AEAD the application keeps.
   */
  public static SealedStore of(MeetingStore inner, Aead aead) {
    return new SealedStore(inner, aead);
  }

  /**
   * Seals the records of {@code inner} with the primary key of {@code keyset} (an AEAD keyset,
   * AES256-GCM say), the application having loaded it (decrypted by its KMS, for example).
   *
   * @throws IllegalArgumentException if the keyset holds no AEAD key
   */
  public static SealedStore of(MeetingStore inner, KeysetHandle keyset) {
    try {
      return new SealedStore(inner, aead(keyset));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the keyset holds no AEAD key Tink can use", e);
    }
  }

  /** The AEAD of {@code keyset}, with Tink's AEAD key types registered. */
  static Aead aead(KeysetHandle keyset) throws GeneralSecurityException {
    AeadConfig.register();
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /**
   * {@inheritDoc}
   *
   * @throws StorageException also if the AEAD could not seal (a KMS that did not answer)
   */
  @Override
  public void write(StateRecord record) throws StorageException {
    byte[] sealed;
    try {
      sealed = aead.encrypt(record.bytes(), associatedData(record.key(), record.version()));
    } catch (GeneralSecurityException e) {
      throw new StorageException("cannot seal version " + record.version() + " of "
          + record.key().name() + ": " + e.getClass().getSimpleName());
    }
    byte[] framed = new byte[1 + sealed.length];
    framed[0] = SEALED_FORMAT;
    System.arraycopy(sealed, 0, framed, 1, sealed.length);
    inner.write(new StateRecord(record.key(), record.version(), framed));
  }

  /**
   * {@inheritDoc}
   *
   * @throws StorageException also if the record does not open: sealed under another key, for
   *     another meeting, member, record or version, or altered
   */
  @Override
  public Optional<StateRecord> read(StateKey key) throws StorageException {
    Optional<StateRecord> stored = inner.read(key);
    if (stored.isEmpty()) {
      return stored;
    }
    return Optional.of(open(key, stored.get()));
  }

  /** Opens one record {@code inner} returned for {@code key}. */
  StateRecord open(StateKey key, StateRecord stored) throws StorageException {
    byte[] framed = stored.bytes();
    if (framed.length == 0 || framed[0] != SEALED_FORMAT) {
      throw new StorageException("record " + key.name() + " version " + stored.version()
          + " is not in sealed format " + SEALED_FORMAT);
    }
    byte[] sealed = new byte[framed.length - 1];
    System.arraycopy(framed, 1, sealed, 0, sealed.length);
    try {
      return new StateRecord(key, stored.version(),
          aead.decrypt(sealed, associatedData(key, stored.version())));
    } catch (GeneralSecurityException e) {
      throw new StorageException("record " + key.name() + " version " + stored.version()
          + " does not open: sealed with another key, for another place or version, or altered");
    }
  }

  /** The newest version of the wrapped store: versions are not sealed. */
  @Override
  public long newestVersion(StateKey key) throws StorageException {
    return inner.newestVersion(key);
  }

  @Override
  public void erase(byte[] meetingId, String account) throws StorageException {
    inner.erase(meetingId, account);
  }

  /** The associated data of the record under {@code key} at {@code version}. */
  static byte[] associatedData(StateKey key, long version) {
    byte[] meetingId = key.meetingId();
    byte[] account = FileFormat.utf8(key.account());
    byte[] name = FileFormat.utf8(key.name());
    return ByteBuffer.allocate(LABEL.length + 12 + meetingId.length + account.length + name.length + 8)
        .put(LABEL)
        .putInt(meetingId.length).put(meetingId)
        .putInt(account.length).put(account)
        .putInt(name.length).put(name)
        .putLong(version)
        .array();
  }

  /** The wrapped store; never a key or a record. */
  @Override
  public String toString() {
    return "SealedStore[" + inner + "]";
  }
}
