package dev.sealmeet.codec;

import java.util.Arrays;
import java.util.Collection;

/**
 * Writes the TLS presentation language as RFC 9420 §2.1 uses it into a growable buffer.
 *
 * <p>Vectors use the variable-length integer of §2.1.2 for their byte length. Not thread-safe.
 */
public final class TlsWriter {
  /** Largest length a §2.1.2 varint can carry (30 bits). */
  public static final int MAX_VARINT = 0x3fffffff;

  private byte[] buffer;
  private int size;

  /** A writer with a small initial buffer. */
  public TlsWriter() {
    this(64);
  }

  /** A writer sized for {@code expectedLength} bytes (it still grows if needed). */
  public TlsWriter(int expectedLength) {
    buffer = new byte[Math.max(16, expectedLength)];
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** uint8; {@code value} must be in 0..255. */
  public TlsWriter writeUint8(int value) {
    checkRange(value, 0xff, "uint8");
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  /** uint16; {@code value} must be in 0..65535. */
  public TlsWriter writeUint16(int value) {
    checkRange(value, 0xffff, "uint16");
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  /** uint32; {@code value} must be in 0..2^32-1. */
  public TlsWriter writeUint32(long value) {
    if (value < 0 || value > 0xffffffffL) {
      throw new IllegalArgumentException("uint32 out of range: " + value);
    }
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** uint64 (unsigned view of {@code value}). */
  public TlsWriter writeUint64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** A §2.1.2 variable-length integer in its minimal encoding. */
  public TlsWriter writeVarint(int value) {
    checkRange(value, MAX_VARINT, "varint");
    if (value < 0x40) {
      return writeUint8(value);
    }
    if (value < 0x4000) {
      return writeUint16(0x4000 | value);
    }
    return writeUint32(0x80000000L | value);
  }

  /** Encoded size of a varint holding {@code value}. */
  public static int varintLength(int value) {
    checkRange(value, MAX_VARINT, "varint");
    return value < 0x40 ? 1 : value < 0x4000 ? 2 : 4;
  }

  /** Fixed-length bytes, written as they are. */
  public TlsWriter writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /** {@code opaque field<V>}: varint length, then the bytes. */
  public TlsWriter writeOpaque(byte[] bytes) {
    writeVarint(bytes.length);
    return writeBytes(bytes);
  }

  /** {@code optional<T>} presence octet (RFC 9420 §2.1.1). */
  public TlsWriter writePresence(boolean present) {
    return writeUint8(present ? 1 : 0);
  }

  /** Writes one element of a structure; used with {@link #writeVector} and {@link #writeList}. */
  @FunctionalInterface
  public interface ElementWriter<T> {
    /** Encodes {@code value} into {@code writer}. */
    void write(TlsWriter writer, T value);
  }

  /**
   * A vector whose body is produced by {@code body}, written in place: one byte is kept for the
   * varint length, and a body of 64 bytes or more is moved up by the one or three bytes its
   * longer length needs. Nested vectors therefore cost no scratch buffer, and a large body (a
   * ratchet tree) is moved once per enclosing level instead of grown and copied. If {@code body}
   * throws, the writer is left as it was before the call.
   */
  public TlsWriter writeVector(java.util.function.Consumer<TlsWriter> body) {
    int lengthAt = size;
    ensure(1);
    size++;
    int length;
    int prefix;
    try {
      body.accept(this);
      length = size - lengthAt - 1;
      prefix = varintLength(length);
    } catch (RuntimeException e) {
      size = lengthAt;
      throw e;
    }
    if (prefix > 1) {
      ensure(prefix - 1);
      System.arraycopy(buffer, lengthAt + 1, buffer, lengthAt + prefix, length);
    }
    int end = lengthAt + prefix + length;
    size = lengthAt;
    writeVarint(length);
    size = end;
    return this;
  }

  /** A vector of structures. */
  public <T> TlsWriter writeList(Collection<? extends T> elements, ElementWriter<T> element) {
    return writeVector(w -> {
      for (T e : elements) {
        element.write(w, e);
      }
    });
  }

  private static void checkRange(long value, long max, String what) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
  }
}
