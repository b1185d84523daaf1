package dev.sealmeet.sframe.codec;

import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * The rule of one codec ({@code protocol.md} §2.8, [SM-CODEC-1]): which bytes of an encoded frame a
 * packetizer or SFU needs in the clear, and why.
 */
public interface CodecClearBytes {

  /**
   * The clear ranges of {@code frame}, in frame order, non-overlapping (adjacent ranges may have
   * different reasons). Every other byte is to be encrypted. Reads {@code frame}, never changes it.
   *
   * @throws DecodeException if the frame is not a well-formed frame of this codec as far as the
   *     rule reads it (a frame is never protected with a guess)
   */
  List<ClearRange> clearRanges(byte[] frame) throws DecodeException;

  /**
   * Whether frames of this codec travel as an Annex B byte stream, so that ciphertext must be kept
   * from forming start codes (mode 1 of {@code protocol.md} §2.8).
   */
  boolean annexB();
}
