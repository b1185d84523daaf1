package dev.sealmeet.codec;

import dev.sealmeet.error.DecodeException;

/**
 * Reads the TLS presentation language as RFC 9420 §2.1 uses it, from a byte array with one cursor and a
 * hard limit.
 *
 * <p>Every read checks the bytes remaining first, so no length field can make the reader allocate more
 * than the input actually holds. Vectors are read through {@link #readVector()}, a sub-reader that the
 * caller must consume exactly ({@link #finish()}). Not thread-safe.
 */
public final class TlsReader {
  private final byte[] data;
  private final int start;
  private final int limit;
  private int position;

  private TlsReader(byte[] data, int start, int limit) {
    this.data = data;
    this.start = start;
    this.limit = limit;
    this.position = start;
  }

  /** A reader over all of {@code data} (not copied; the caller must not change it while reading). */
  public static TlsReader of(byte[] data) {
    return new TlsReader(data, 0, data.length);
  }

  /** Bytes left before the limit. */
  public int remaining() {
    return limit - position;
  }

  /** Whether no bytes are left. */
  public boolean isEmpty() {
    return position == limit;
  }

  /** Offset of the cursor from the start of this reader. */
  public int offset() {
    return position - start;
  }

  /**
   * Ends decoding of a whole message or vector body.
   *
   * @throws DecodeException if bytes remain (RFC 9420 §2.1.2: a vector's content must be consumed
   *     exactly; whole messages must not carry trailing data)
   */
  public void finish() throws DecodeException {
    if (position != limit) {
      throw new DecodeException(
          "expected end of input at offset " + offset() + " but " + remaining() + " bytes remain");
    }
  }

  private void require(int n, String what) throws DecodeException {
    if (n < 0 || n > limit - position) {
      throw new DecodeException(
          "truncated " + what + " at offset " + offset() + ": need " + n + " bytes, "
              + remaining() + " remain");
    }
  }

  /** uint8. */
  public int readUint8() throws DecodeException {
    require(1, "uint8");
    return data[position++] & 0xff;
  }

  /** uint16, big-endian. */
  public int readUint16() throws DecodeException {
    require(2, "uint16");
    int v = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
    position += 2;
    return v;
  }

  /** uint32, big-endian, as a non-negative long. */
  public long readUint32() throws DecodeException {
    require(4, "uint32");
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (data[position + i] & 0xff);
    }
    position += 4;
    return v;
  }

  /** uint64, big-endian; values above {@link Long#MAX_VALUE} come back negative (unsigned view). */
  public long readUint64() throws DecodeException {
    require(8, "uint64");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (data[position + i] & 0xff);
    }
    position += 8;
    return v;
  }

  /**
   * A variable-length integer of RFC 9420 §2.1.2 (the QUIC encoding limited to 30 bits): prefix
   * {@code 11} and non-minimal encodings are rejected.
   */
  public int readVarint() throws DecodeException {
    int at = offset();
    int first = readUint8();
    int prefix = first >>> 6;
    int value;
    switch (prefix) {
      case 0:
        return first;
      case 1:
        value = ((first & 0x3f) << 8) | readUint8();
        if (value < 0x40) {
          throw new DecodeException("non-minimal 2-byte varint " + value + " at offset " + at);
        }
        return value;
      case 2:
        require(3, "varint");
        value = (first & 0x3f) << 24;
        value |= (data[position] & 0xff) << 16;
        value |= (data[position + 1] & 0xff) << 8;
        value |= data[position + 2] & 0xff;
        position += 3;
        if (value < 0x4000) {
          throw new DecodeException("non-minimal 4-byte varint " + value + " at offset " + at);
        }
        return value;
      default:
        throw new DecodeException("varint with reserved prefix 0b11 at offset " + at);
    }
  }

  /** A fixed-length opaque field, copied. */
  public byte[] readBytes(int length) throws DecodeException {
    require(length, length + "-byte field");
    byte[] out = new byte[length];
    System.arraycopy(data, position, out, 0, length);
    position += length;
    return out;
  }

  /** {@code opaque field<V>}: a varint length, then that many bytes (copied). */
  public byte[] readOpaque() throws DecodeException {
    int length = readVarint();
    require(length, "opaque vector of " + length + " bytes");
    return readBytes(length);
  }

  /**
   * The body of a vector {@code T field<V>}: a varint byte length, then a sub-reader over exactly
   * those bytes. The caller reads elements until the sub-reader {@link #isEmpty()}; an element that
   * runs past the end fails with {@link DecodeException}. This reader is advanced past the vector.
   */
  public TlsReader readVector() throws DecodeException {
    int length = readVarint();
    require(length, "vector of " + length + " bytes");
    TlsReader sub = new TlsReader(data, position, position + length);
    position += length;
    return sub;
  }

  /**
   * {@code optional<T>} presence octet (RFC 9420 §2.1.1): 0 absent, 1 present.
   *
   * @throws DecodeException for any other value
   */
  public boolean readPresence() throws DecodeException {
    int at = offset();
    int flag = readUint8();
    if (flag > 1) {
      throw new DecodeException("optional presence byte " + flag + " at offset " + at + " (want 0 or 1)");
    }
    return flag == 1;
  }

  /** Reads one element of a structure; used with {@link #readList}. */
  @FunctionalInterface
  public interface ElementReader<T> {
    /** Decodes one element from {@code reader}. */
    T read(TlsReader reader) throws DecodeException;
  }

  /** A vector of structures: reads elements from the vector body until it is exhausted. */
  public <T> java.util.List<T> readList(ElementReader<T> element) throws DecodeException {
    TlsReader body = readVector();
    java.util.List<T> out = new java.util.ArrayList<>();
    while (!body.isEmpty()) {
      int before = body.position;
      out.add(element.read(body));
      if (body.position == before) {
        throw new DecodeException("vector element at offset " + body.offset() + " consumed no bytes");
      }
    }
    return java.util.List.copyOf(out);
  }

  /**
   * Decodes a whole message: runs {@code decoder} over {@code data} and requires that it consumed
   * every byte.
   */
  public static <T> T decodeExactly(byte[] data, ElementReader<T> decoder) throws DecodeException {
    TlsReader reader = of(data);
    T value = decoder.read(reader);
    reader.finish();
    return value;
  }
}
