package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one message while it is read, as protobuf-java's builder holds them: a message's
 * schema names the kind of each of its fields 1..n; reading keeps the last value of a scalar and
 * appends to a repeated string, so reading several encodings one after the other merges them (as
 * their concatenation would read). A field of another number, or of a known number under another
 * wire type, is unknown and skipped.
 */
final class ProtoFields {
  /** uint64, int32, enum or bool: wire type 0. */
  static final int VARINT = 0;
  /** bytes: wire type 2. */
  static final int BYTES = 1;
  /** string, well-formed UTF-8: wire type 2. */
  static final int STRING = 2;
  /** repeated string: wire type 2, one record per element. */
  static final int STRINGS = 3;

  private final int[] kinds;
  private final long[] varints;
  private final Object[] values;

  /** Fields 1..{@code kinds.length} of these kinds, at their defaults. */
  ProtoFields(int... kinds) {
    this.kinds = kinds.clone();
    this.varints = new long[kinds.length];
    this.values = new Object[kinds.length];
    clear();
  }

  /** Every field back to its default (0, empty). */
  void clear() {
    Arrays.fill(varints, 0);
    for (int i = 0; i < kinds.length; i++) {
      values[i] = switch (kinds[i]) {
        case BYTES -> Envelope.EMPTY;
        case STRING -> "";
        case STRINGS -> values[i] == null ? new ArrayList<String>() : cleared(strings(i + 1));
        default -> null;
      };
    }
  }

  private static List<String> cleared(List<String> list) {
    list.clear();
    return list;
  }

  /** Reads fields up to the reader's limit, skipping unknown ones. */
  void readAll(ProtoReader in) throws DecodeException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (!read(in, tag)) {
        in.skipField(tag);
      }
    }
  }

  /**
   * Reads the value of the field {@code tag} names, if it is one of these under its wire type.
   *
   * @return false if it is unknown here (the value is not read)
   */
  boolean read(ProtoReader in, int tag) throws DecodeException {
    int i = (tag >>> 3) - 1;
    if (i >= kinds.length || (tag & 7) != wireType(kinds[i])) {
      return false;
    }
    switch (kinds[i]) {
      case VARINT -> varints[i] = in.readVarint();
      case BYTES -> values[i] = in.readBytes();
      case STRING -> values[i] = in.readString();
      default -> strings(i + 1).add(in.readString());
    }
    return true;
  }

  private static int wireType(int kind) {
    return kind == VARINT ? ProtoReader.VARINT : ProtoReader.LENGTH_DELIMITED;
  }

  /** A varint field as uint64. */
  long varint(int field) {
    return varints[field - 1];
  }

  /** A varint field as int32 or enum: its low 32 bits. */
  int int32(int field) {
    return (int) varints[field - 1];
  }

  /** A bytes field (not copied). */
  byte[] bytes(int field) {
    return (byte[]) values[field - 1];
  }

  /** A string field. */
  String string(int field) {
    return (String) values[field - 1];
  }

  /** A repeated string field (the live list). */
  @SuppressWarnings("unchecked")
  List<String> strings(int field) {
    return (List<String>) values[field - 1];
  }

  /** Kinds only. */
  @Override
  public String toString() {
    return "ProtoFields" + Arrays.toString(kinds);
  }
}
