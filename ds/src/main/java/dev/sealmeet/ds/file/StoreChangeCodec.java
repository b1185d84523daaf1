package dev.sealmeet.ds.file;

import dev.sealmeet.ds.StoreChange;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The journal's encoding of a {@link StoreChange}: a type byte, then its fields in order (byte
 * strings as a 32-bit length, -1 for none, and the bytes; strings as UTF-8 byte strings; numbers
 * big-endian). A record must decode exactly.
 */
final class StoreChangeCodec {
  private static final int IDENTITY = 1;
  private static final int HEAD = 2;
  private static final int STORED = 3;
  private static final int APPENDED = 4;
  private static final int ANSWERED = 5;
  private static final int PUBLISHED = 6;
  private static final int CLAIMED = 7;
  private static final int KNOCKED = 8;
  private static final int COMPACTED = 9;
  private static final int DROPPED = 10;

  private StoreChangeCodec() {}

  /** The bytes of {@code change}. */
  static byte[] encode(StoreChange change) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      write(out, change);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void write(DataOutputStream out, StoreChange change) throws IOException {
    if (change instanceof StoreChange.Identity c) {
      out.writeByte(IDENTITY);
      bytes(out, c.secret());
    } else if (change instanceof StoreChange.Head c) {
      out.writeByte(HEAD);
      bytes(out, c.meetingId());
      out.writeLong(c.epoch());
      bytes(out, c.groupInfo());
      out.writeLong(c.nextSequence());
      out.writeLong(c.firstKept());
      out.writeBoolean(c.ended());
      string(out, c.opener());
    } else if (change instanceof StoreChange.Stored c) {
      out.writeByte(STORED);
      bytes(out, c.meetingId());
      out.writeLong(c.sequence());
      bytes(out, c.bytes());
    } else if (change instanceof StoreChange.Appended c) {
      out.writeByte(APPENDED);
      bytes(out, c.meetingId());
      out.writeLong(c.sequence());
      bytes(out, c.bytes());
      bytes(out, c.submitId());
      bytes(out, c.digest());
      bytes(out, c.nextGroupInfo());
      out.writeBoolean(c.ended());
    } else if (change instanceof StoreChange.Answered c) {
      out.writeByte(ANSWERED);
      bytes(out, c.meetingId());
      bytes(out, c.submitId());
      bytes(out, c.digest());
      string(out, c.result().status().name());
      out.writeLong(c.result().sequence());
      out.writeLong(c.result().epoch());
      string(out, c.result().reason());
    } else if (change instanceof StoreChange.Published c) {
      out.writeByte(PUBLISHED);
      bytes(out, c.meetingId());
      string(out, c.entry().account());
      out.writeBoolean(c.entry().lastResort());
      bytes(out, c.entry().keyPackage());
    } else if (change instanceof StoreChange.Claimed c) {
      out.writeByte(CLAIMED);
      bytes(out, c.meetingId());
      string(out, c.account());
      out.writeInt(c.index());
    } else if (change instanceof StoreChange.Knocked c) {
      out.writeByte(KNOCKED);
      bytes(out, c.meetingId());
      string(out, c.account());
    } else if (change instanceof StoreChange.Compacted c) {
      out.writeByte(COMPACTED);
      bytes(out, c.meetingId());
      out.writeLong(c.belowSequence());
    } else if (change instanceof StoreChange.Dropped c) {
      out.writeByte(DROPPED);
      bytes(out, c.meetingId());
    }
  }

  /**
   * The change {@code record} encodes.
   *
   * @throws IOException if it is not exactly one change
   */
  static StoreChange decode(byte[] record) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
    StoreChange change = read(in);
    if (in.read() != -1) {
      throw new IOException("trailing bytes after a journal record");
    }
    return change;
  }

  private static StoreChange read(DataInputStream in) throws IOException {
    int type = in.readUnsignedByte();
    try {
      return switch (type) {
        case IDENTITY -> new StoreChange.Identity(bytes(in));
        case HEAD -> new StoreChange.Head(bytes(in), in.readLong(), bytes(in), in.readLong(),
            in.readLong(), in.readBoolean(), string(in));
        case STORED -> new StoreChange.Stored(bytes(in), in.readLong(), bytes(in));
        case APPENDED -> new StoreChange.Appended(bytes(in), in.readLong(), bytes(in), bytes(in),
            bytes(in), bytes(in), in.readBoolean());
        case ANSWERED -> new StoreChange.Answered(bytes(in), bytes(in), bytes(in),
            new SubmitResult(SubmitStatus.valueOf(string(in)), in.readLong(), in.readLong(),
                string(in)));
        case PUBLISHED -> new StoreChange.Published(bytes(in),
            new KeyPackageEntry(string(in), in.readBoolean(), bytes(in)));
        case CLAIMED -> new StoreChange.Claimed(bytes(in), string(in), in.readInt());
        case KNOCKED -> new StoreChange.Knocked(bytes(in), string(in));
        case COMPACTED -> new StoreChange.Compacted(bytes(in), in.readLong());
        case DROPPED -> new StoreChange.Dropped(bytes(in));
        default -> throw new IOException("an unknown journal record type " + type);
      };
    } catch (RuntimeException e) {
      throw new IOException("a malformed journal record of type " + type, e);
    }
  }

  private static void bytes(DataOutputStream out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(value.length);
      out.write(value);
    }
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > in.available()) {
      throw new EOFException("a byte string longer than its record");
    }
    byte[] value = new byte[length];
    in.readFully(value);
    return value;
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    bytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] value = bytes(in);
    if (value == null) {
      throw new IOException("a missing string");
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
