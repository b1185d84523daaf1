package dev.sealmeet.store;

import dev.sealmeet.error.SealmeetBugException;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * The two files {@link DirectoryStore} writes, big-endian, each checked whole before it is used:
 *
 * <pre>
 * record file (one per StateKey)          mark file (the newest version of one StateKey)
 *   magic   "SMRC"                4         magic   "SMMK"   4
 *   format  1                     1         format  1        1
 *   key     SHA-256 of the key   32         key     SHA-256 32
 *   version                       8         version          8
 *   length                        4         crc32            4   (of all before it)
 *   bytes                    length
 *   crc32                         4   (of all before it)
 * </pre>
 *
 * <p>The key digest ({@link #keyDigest}) is what the file names are made of too: a file moved or
 * copied to another record's name is refused, and neither names nor contents show a meeting id or
 * an account (a guess can be confirmed, nothing can be read). The CRC catches damage, not an
 * adversary: {@link SealedStore} authenticates.
 */
final class FileFormat {
  /** The largest record a store keeps: beyond any meeting's state, within one array. */
  static final int MAX_RECORD_BYTES = 1 << 28;

  static final int FORMAT = 1;
  static final int DIGEST_BYTES = 32;
  static final int RECORD_OVERHEAD = 4 + 1 + DIGEST_BYTES + 8 + 4 + 4;
  static final int MARK_BYTES = 4 + 1 + DIGEST_BYTES + 8 + 4;

  private static final int RECORD_MAGIC = 0x534d5243; // "SMRC"
  private static final int MARK_MAGIC = 0x534d4d4b; // "SMMK"
  private static final byte[] KEY_LABEL = ascii("sealmeet state key");
  private static final byte[] MEMBER_LABEL = ascii("sealmeet state member");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private FileFormat() {}

  /** The file of one record, for {@code key}'s digest. */
  static byte[] encodeRecord(byte[] keyDigest, long version, byte[] bytes) {
    ByteBuffer out = ByteBuffer.allocate(RECORD_OVERHEAD + bytes.length);
    out.putInt(RECORD_MAGIC).put((byte) FORMAT).put(keyDigest).putLong(version)
        .putInt(bytes.length).put(bytes);
    return withCrc(out);
  }

  /**
   * The record in {@code file}, which must be exactly one record file for {@code key}.
   *
   * @throws StorageException if it is not (truncated, damaged, another format, another key)
   */
  static StateRecord parseRecord(byte[] file, StateKey key) throws StorageException {
    ByteBuffer in = checked(file, RECORD_MAGIC, RECORD_OVERHEAD, key);
    long version = in.getLong();
    int length = in.getInt();
    if (length != file.length - RECORD_OVERHEAD) {
      throw new StorageException("record file " + key.name() + " says " + length
          + " bytes but holds " + (file.length - RECORD_OVERHEAD));
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new StateRecord(key, version, bytes);
  }

  /** The mark file saying that {@code version} is the newest written under {@code keyDigest}. */
  static byte[] encodeMark(byte[] keyDigest, long version) {
    ByteBuffer out = ByteBuffer.allocate(MARK_BYTES);
    out.putInt(MARK_MAGIC).put((byte) FORMAT).put(keyDigest).putLong(version);
    return withCrc(out);
  }

  /**
   * The version in {@code file}, which must be exactly one mark file for {@code key}.
   *
   * @throws StorageException if it is not
   */
  static long parseMark(byte[] file, StateKey key) throws StorageException {
    if (file.length != MARK_BYTES) {
      throw new StorageException("mark file of " + key.name() + " has " + file.length
          + " bytes, expected " + MARK_BYTES);
    }
    return checked(file, MARK_MAGIC, MARK_BYTES, key).getLong();
  }

  /**
   * Checks magic, format, CRC, key digest and the version after it; returns a buffer positioned
   * at the version.
   */
  private static ByteBuffer checked(byte[] file, int magic, int minimum, StateKey key)
      throws StorageException {
    String what = (magic == MARK_MAGIC ? "mark" : "record") + " file of " + key.name();
    if (file.length < minimum) {
      throw new StorageException(what + " is truncated: " + file.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(file);
    if (in.getInt() != magic) {
      throw new StorageException(what + " does not start with its magic");
    }
    int format = in.get() & 0xff;
    if (format != FORMAT) {
      throw new StorageException(what + " is in format " + format + ", expected " + FORMAT);
    }
    CRC32 crc = new CRC32();
    crc.update(file, 0, file.length - 4);
    if ((int) crc.getValue() != ByteBuffer.wrap(file, file.length - 4, 4).getInt()) {
      throw new StorageException(what + " is damaged: its CRC does not match");
    }
    byte[] digest = new byte[DIGEST_BYTES];
    in.get(digest);
    if (!MessageDigest.isEqual(digest, keyDigest(key))) {
      throw new StorageException(what + " belongs to another record: it was moved or copied");
    }
    long version = in.getLong(in.position());
    if (version <= 0) {
      throw new StorageException(what + " holds version " + version + ", not a positive one");
    }
    return in;
  }

  private static byte[] withCrc(ByteBuffer out) {
    byte[] file = out.array();
    CRC32 crc = new CRC32();
    crc.update(file, 0, out.position());
    out.putInt((int) crc.getValue());
    return file;
  }

  /** SHA-256 over a label and the length-prefixed meeting id, account and record name. */
  static byte[] keyDigest(StateKey key) {
    MessageDigest sha = sha256();
    sha.update(KEY_LABEL);
    update(sha, key.meetingId());
    update(sha, utf8(key.account()));
    update(sha, utf8(key.name()));
    return sha.digest();
  }

  /** The name of the directory that holds one member's records (and marks) of one meeting. */
  static String memberDirectory(byte[] meetingId, String account) {
    MessageDigest sha = sha256();
    sha.update(MEMBER_LABEL);
    update(sha, meetingId);
    update(sha, utf8(account));
    return hex(sha.digest());
  }

  /**
   * {@code field} in UTF-8, refusing what has no UTF-8 form (a lone surrogate), which {@link
   * String#getBytes} would turn into '?' and so give two accounts one name.
   *
   * @throws IllegalArgumentException if {@code field} is not well-formed UTF-16
   */
  static byte[] utf8(String field) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(field));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("a state key's account and name must be valid Unicode");
    }
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static void update(MessageDigest sha, byte[] field) {
    sha.update(ByteBuffer.allocate(4).putInt(field.length).array());
    sha.update(field);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("every Java platform has SHA-256", e);
    }
  }

  private static byte[] ascii(String label) {
    return label.getBytes(StandardCharsets.US_ASCII);
  }
}
