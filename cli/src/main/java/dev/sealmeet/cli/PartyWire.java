package dev.sealmeet.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The command protocol between {@code demo --network}'s driver and a participant process over a
 * loopback socket: a request is the command's ordinal, the virtual time and the arguments; an
 * answer is {@code 0} and the result, or {@code 1} and the failure's message. Media frames to and
 * from the relay travel in {@link Command#PROTECT} answers and {@link Command#DELIVER} requests,
 * so the relay sees every byte and orders them on the demo's clock.
 */
final class PartyWire {
  /** The commands, one per {@link DemoParty} call, plus those of the network demo itself. */
  enum Command {
    OPEN, INVITATION, ENTER, JOINED, ADMIT, REMOVE, LEAVE, UPDATE, COMMIT_PENDING, CAUGHT_UP,
    EPOCH, SECURITY_CODE, ROSTER, SECURITY_CODES, CAN_SEND, SENDS_NEWEST, PROTECT, DELIVER, POLL,
    MEDIA_STATS, KEYS, CLOSE, KNOW, SIGNING_KEY, MEETING_ID, RESUME, SECRETS, FORGED, EXIT
  }

  private PartyWire() {}

  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 64 << 20) {
      throw new IOException("a field of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** A string of any length (writeUTF stops at 64 KiB). */
  static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
  }
}
