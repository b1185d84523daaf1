package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.UnknownKidException;
import java.nio.ByteBuffer;

/**
 * Opens codec-aware frames ({@code protocol.md} §2.8) with an {@link SframeReceiver}. Needs no codec
 * knowledge: the mode, the map and the SFrame header are in the frame.
 *
 * <pre>
 * unprotect(metadata, frame):
 *   footer → mode, trailer       DecodeException: unknown marker, trailer beyond the frame
 *   trailer → header, map, tag   DecodeException: not exactly header ‖ ClearMap ‖ tag, map invalid
 *   body → clear bytes, ciphertext (unescaped in mode 1)
 *                                DecodeException: body and map disagree, escaping not canonical
 *   receiver.unprotect(label ‖ mode ‖ map ‖ clear bytes ‖ metadata, header ‖ ciphertext ‖ tag)
 *                                AuthenticationException: any clear byte, map byte or mode changed
 *   → the encoded frame, clear bytes and plaintext in place
 * </pre>
 *
 * <p>Every buffer is sized from the bytes the frame holds, after the lengths that size it are
 * checked against them: a malformed frame costs no more memory than a few copies of itself. A
 * rejected frame changes nothing in the receiver (see {@link SframeReceiver#unprotect}).
 * Thread-safe if the receiver is (it is).
 */
public final class CodecAwareUnprotector {
  private final SframeReceiver receiver;

  /** An unprotector that decrypts with {@code receiver}'s keys and replay windows (not closed by it). */
  public CodecAwareUnprotector(SframeReceiver receiver) {
    this.receiver = receiver;
  }

  /**
   * Authenticates and decrypts one codec-aware frame. Reads {@code frame}, never changes it.
   *
   * @param metadata what the sender authenticated, {@code null} or empty for none
   * @return the encoded frame as the sender's encoder produced it
   * @throws DecodeException if the frame is malformed: footer, trailer, map, body or escaping
   * @throws UnknownKidException if no key is installed for the frame's KID
   * @throws ReplayException if the CTR was already accepted or is older than the window
   * @throws AuthenticationException if the tag does not verify (a changed clear byte, map byte,
   *     mode, ciphertext or header, or other metadata)
   */
  public byte[] unprotect(byte[] metadata, byte[] frame)
      throws DecodeException, UnknownKidException, ReplayException, AuthenticationException {
    int mode = mode(frame);
    int bodyEnd = bodyEnd(frame);
    byte[] trailer = readTrailer(frame, bodyEnd, frame.length - CodecFrameFormat.FOOTER_LENGTH, mode);
    ByteBuffer trailerBuffer = ByteBuffer.wrap(trailer);
    SframeHeader.decode(trailerBuffer); // header length; the receiver checks it again
    int headerLength = trailerBuffer.position();
    int tagLength = receiver.suite().tagLength();
    int mapLength = trailer.length - headerLength - tagLength;
    if (mapLength < ClearMap.MIN_ENCODED_LENGTH) {
      throw new CodecFrameDecodeException("codec-aware frame: trailer of " + trailer.length + " bytes cannot"
          + " hold a " + headerLength + "-byte header, a map and a " + tagLength + "-byte tag");
    }
    byte[] mapBytes = new byte[mapLength];
    System.arraycopy(trailer, headerLength, mapBytes, 0, mapLength);
    ClearMap map = ClearMap.decode(mapBytes, bodyEnd);
    byte[] plaintext = new byte[map.frameLength()];
    int encryptedLength = map.frameLength() - map.clearLength();
    byte[] sframe = new byte[headerLength + encryptedLength + tagLength];
    System.arraycopy(trailer, 0, sframe, 0, headerLength);
    System.arraycopy(trailer, headerLength + mapLength, sframe, headerLength + encryptedLength,
        tagLength);
    FrameReader.readBody(frame, bodyEnd, mode, map, plaintext, sframe, headerLength);
    byte[] decrypted = receiver.unprotect(
        CodecFrameFormat.metadata(mode, mapBytes, map, plaintext, metadata), sframe);
    scatter(map, decrypted, plaintext);
    return plaintext;
  }

  /**
   * The SFrame header (KID and CTR) of a codec-aware frame, read without keys: what an SFU needs to
   * route it. Not authenticated until the frame is unprotected.
   *
   * @throws DecodeException if the footer, the trailer's escaping or the header is malformed
   */
  public static SframeHeader peekHeader(byte[] frame) throws DecodeException {
    int mode = mode(frame);
    byte[] trailer = readTrailer(frame, bodyEnd(frame),
        frame.length - CodecFrameFormat.FOOTER_LENGTH, mode);
    return SframeHeader.decode(ByteBuffer.wrap(trailer));
  }

  /** The mode of the footer's marker. */
  private static int mode(byte[] frame) throws DecodeException {
    if (frame.length < CodecFrameFormat.FOOTER_LENGTH + 1) {
      throw new CodecFrameDecodeException("codec-aware frame of " + frame.length
          + " bytes is shorter than its footer");
    }
    int marker = frame[frame.length - 1] & 0xff;
    int mode = marker ^ CodecFrameFormat.MARKER_BASE;
    if (mode != CodecFrameFormat.MODE_PLAIN && mode != CodecFrameFormat.MODE_ANNEX_B) {
      throw new CodecFrameDecodeException("codec-aware frame: unknown marker 0x" + Integer.toHexString(marker));
    }
    return mode;
  }

  /** Where the body ends and the trailer begins, from the footer's length. */
  private static int bodyEnd(byte[] frame) throws DecodeException {
    int n = frame.length;
    int trailerEnd = n - CodecFrameFormat.FOOTER_LENGTH;
    int trailerWire = ((frame[n - 3] & 0xff) << 8) | (frame[n - 2] & 0xff);
    if (trailerWire < 1 || trailerWire > trailerEnd) {
      throw new CodecFrameDecodeException("codec-aware frame: trailer of " + trailerWire + " bytes, "
          + trailerEnd + " precede the footer");
    }
    return trailerEnd - trailerWire;
  }

  private static byte[] readTrailer(byte[] frame, int from, int to, int mode)
      throws DecodeException {
    if (mode == CodecFrameFormat.MODE_PLAIN) {
      byte[] trailer = new byte[to - from];
      System.arraycopy(frame, from, trailer, 0, trailer.length);
      return trailer;
    }
    int zeros = Emulation.trailingZeros(frame, 0, from);
    byte[] trailer = new byte[Emulation.unescapedLength(frame, from, to, zeros)];
    Emulation.unescape(frame, from, to, zeros, trailer.length, trailer, 0);
    return trailer;
  }

  /** Puts the decrypted bytes into the gaps between the clear ranges. */
  private static void scatter(ClearMap map, byte[] decrypted, byte[] plaintext) {
    int at = 0;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : plaintext.length;
      System.arraycopy(decrypted, at, plaintext, from, to - from);
      at += to - from;
      if (i < map.rangeCount()) {
        from = map.start(i) + map.length(i);
      }
    }
  }

  /** The receiver's suite and keys, never key material. */
  @Override
  public String toString() {
    return "CodecAwareUnprotector[" + receiver + "]";
  }
}
