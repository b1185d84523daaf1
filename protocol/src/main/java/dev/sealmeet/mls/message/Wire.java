package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Argument checks and small codec helpers shared by the wire records of this package. */
final class Wire {
  static final long MAX_UINT32 = 0xffffffffL;

  private Wire() {}

  /** A copy of a required byte array. */
  static byte[] copy(byte[] bytes, String name) {
    return Objects.requireNonNull(bytes, name).clone();
  }

  /** A copy of an optional byte array (each present value copied). */
  static Optional<byte[]> copy(Optional<byte[]> bytes, String name) {
    return Objects.requireNonNull(bytes, name).map(byte[]::clone);
  }

  /** An immutable copy of a required list without null elements. */
  static <T> List<T> list(List<T> values, String name) {
    return List.copyOf(Objects.requireNonNull(values, name));
  }

  /** An immutable list holding copies of each array. */
  static List<byte[]> copyAll(List<byte[]> values, String name) {
    List<byte[]> out = new ArrayList<>(Objects.requireNonNull(values, name).size());
    for (byte[] v : values) {
      out.add(Objects.requireNonNull(v, name + " element").clone());
    }
    return List.copyOf(out);
  }

  static <T> T require(T value, String name) {
    return Objects.requireNonNull(value, name);
  }

  static long uint32(long value, String name) {
    if (value < 0 || value > MAX_UINT32) {
      throw new IllegalArgumentException(name + " is not a uint32: " + value);
    }
    return value;
  }

  static int uint16(int value, String name) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(name + " is not a uint16: " + value);
    }
    return value;
  }

  static List<Integer> uint16List(List<Integer> values, String name) {
    List<Integer> out = list(values, name);
    for (int v : out) {
      uint16(v, name + " element");
    }
    return out;
  }

  static List<Long> uint32List(List<Long> values, String name) {
    List<Long> out = list(values, name);
    for (long v : out) {
      uint32(v, name + " element");
    }
    return out;
  }

  /** {@code uint16 values<V>}. */
  static List<Integer> readUint16List(TlsReader reader) throws DecodeException {
    return reader.readList(TlsReader::readUint16);
  }

  /**
   * Writes {@code uint16 values<V>}: the byte length is known (two per entry), so it is written
   * first and the entries after it, without {@link TlsWriter#writeList}'s in-place vector. The
   * only caller, {@link Capabilities}, holds lists checked by {@link #uint16List}.
   */
  static void writeUint16List(TlsWriter writer, List<Integer> values) {
    int count = values.size();
    writer.writeVarint(2 * count);
    for (int i = 0; i < count; i++) {
      writer.writeUint16(values.get(i));
    }
  }

  /** {@code uint32 values<V>}. */
  static List<Long> readUint32List(TlsReader reader) throws DecodeException {
    return reader.readList(TlsReader::readUint32);
  }

  static void writeUint32List(TlsWriter writer, List<Long> values) {
    writer.writeList(values, TlsWriter::writeUint32);
  }

  /** {@code opaque values<V>} inside a vector (e.g. a certificate chain). */
  static List<byte[]> readOpaqueList(TlsReader reader) throws DecodeException {
    return reader.readList(TlsReader::readOpaque);
  }

  static void writeOpaqueList(TlsWriter writer, List<byte[]> values) {
    writer.writeList(values, TlsWriter::writeOpaque);
  }

  /** {@code optional<opaque value<V>>}. */
  static void writeOptionalOpaque(TlsWriter writer, Optional<byte[]> value) {
    writer.writePresence(value.isPresent());
    value.ifPresent(writer::writeOpaque);
  }

  /** Equality of two encodings, in constant time for equal lengths (some records hold secrets). */
  static boolean sameEncoding(MlsStruct a, MlsStruct b) {
    return MessageDigest.isEqual(a.toBytes(), b.toBytes());
  }

  /** A hash code of the encoding. */
  static int encodingHash(MlsStruct a) {
    return Arrays.hashCode(a.toBytes());
  }
}
