package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.SframeSender;
import java.util.Arrays;

/**
 * Protects encoded media frames as codec-aware frames ({@code protocol.md} §2.8) with an
 * {@link SframeSender}: the bytes the codec's rule names stay clear and in place, every other byte
 * is replaced in place by the SFrame ciphertext, and a trailer carries the SFrame header, the
 * {@link ClearMap} and the tag.
 *
 * <pre>
 * protect(kid, codec, metadata, frame):
 *   map        = ClearMap(codec.rule().clearRanges(frame))
 *   sframe     = sender.protect(kid, label ‖ mode ‖ map ‖ clear bytes ‖ metadata, encrypted bytes)
 *              = header ‖ ciphertext ‖ tag
 *   result     = frame with ciphertext in place ‖ header ‖ map ‖ tag ‖ footer
 *                (H.264/H.265: runs of ciphertext and the trailer escaped, [SM-CODEC-4])
 * </pre>
 *
 * <p>Each call takes one CTR of the sender (RFC 9605 §4.4.3; the nonce rule is the sender's). The
 * caller's metadata is authenticated, not sent; the receiver must pass the same bytes.
 *
 * <p>Cost: allocates a few arrays the size of the frame per call; the zero-copy media plane is
 * not built on it yet. Thread-safe if the sender is (it is).
 */
public final class CodecAwareProtector {
  private final SframeSender sender;

  /** A protector that encrypts with {@code sender}'s keys and counters (not closed by it). */
  public CodecAwareProtector(SframeSender sender) {
    this.sender = sender;
  }

  /**
   * Protects one encoded frame of {@code codec} under {@code kid}. Reads {@code frame}, never
   * changes it.
   *
   * @param metadata authenticated, not sent; {@code null} or empty for none
   * @return the codec-aware frame
   * @throws DecodeException if {@code codec}'s rule cannot parse the frame (nothing is encrypted and
   *     no CTR is taken)
   * @throws IllegalArgumentException if {@code kid} has no key, or the frame is longer than
   *     2<sup>30</sup>−1 bytes
   * @throws IllegalStateException if the key's counter is exhausted or the sender is closed
   */
  public byte[] protect(long kid, MediaCodec codec, byte[] metadata, byte[] frame)
      throws DecodeException {
    CodecClearBytes rule = codec.rule();
    ClearMap map = ClearMap.of(frame.length, rule.clearRanges(frame));
    int mode = rule.annexB() ? CodecFrameFormat.MODE_ANNEX_B : CodecFrameFormat.MODE_PLAIN;
    byte[] mapBytes = map.encode();
    byte[] encrypted = gatherEncrypted(map, frame);
    byte[] sframe = sender.protect(kid,
        CodecFrameFormat.metadata(mode, mapBytes, map, frame, metadata), encrypted);
    int tagLength = sender.suite().tagLength();
    int headerLength = sframe.length - encrypted.length - tagLength;
    byte[] trailer = new byte[headerLength + mapBytes.length + tagLength];
    System.arraycopy(sframe, 0, trailer, 0, headerLength);
    System.arraycopy(mapBytes, 0, trailer, headerLength, mapBytes.length);
    System.arraycopy(sframe, headerLength + encrypted.length, trailer,
        headerLength + mapBytes.length, tagLength);
    return mode == CodecFrameFormat.MODE_ANNEX_B
        ? FrameWriter.escaped(map, frame, sframe, headerLength, trailer)
        : FrameWriter.plain(map, frame, sframe, headerLength, trailer);
  }

  /** The bytes outside the clear ranges, in frame order. */
  private static byte[] gatherEncrypted(ClearMap map, byte[] frame) {
    byte[] out = new byte[frame.length - map.clearLength()];
    int at = 0;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : frame.length;
      System.arraycopy(frame, from, out, at, to - from);
      at += to - from;
      if (i < map.rangeCount()) {
        from = map.start(i) + map.length(i);
      }
    }
    return at == out.length ? out : Arrays.copyOf(out, at);
  }

  /** The sender's suite and keys, never key material. */
  @Override
  public String toString() {
    return "CodecAwareProtector[" + sender + "]";
  }
}
