package dev.sealmeet.rtp;

import dev.sealmeet.error.DecodeException;

/**
 * The one-byte SFrame payload descriptor {@code S E T x x x x x} that starts every RTP payload
 * (draft-ietf-avtcore-rtp-sframe-02 §4): S on the first fragment of an SFrame ciphertext, E on its
 * last, T the {@link SframeRtpMode}. Sealmeet sends the five reserved bits as 0 and refuses a
 * descriptor with any of them set ({@code protocol.md} §2.9, [SM-RTP-1]).
 *
 * @param start S: this fragment is the first of its SFrame ciphertext
 * @param end E: this fragment is the last of its SFrame ciphertext
 * @param mode T: per-frame (0) or per-packet (1)
 */
public record SframeDescriptor(boolean start, boolean end, SframeRtpMode mode) {
  /** The descriptor's length in bytes. */
  public static final int LENGTH = 1;
  static final int S = 0x80;
  static final int E = 0x40;
  static final int T = 0x20;
  static final int RESERVED = 0x1f;

  /** @throws NullPointerException if {@code mode} is null */
  public SframeDescriptor {
    java.util.Objects.requireNonNull(mode, "mode");
  }

  /**
   * Reads a descriptor byte.
   *
   * @throws DecodeException if a reserved bit is set
   */
  public static SframeDescriptor decode(byte b) throws DecodeException {
    int v = b & 0xff;
    if ((v & RESERVED) != 0) {
      throw new DecodeException("SFrame payload descriptor 0x" + Integer.toHexString(v)
          + " has reserved bits set (draft-ietf-avtcore-rtp-sframe-02 §4, [SM-RTP-1])");
    }
    return new SframeDescriptor((v & S) != 0, (v & E) != 0, SframeRtpMode.ofTBit((v & T) != 0));
  }

  /** The descriptor byte, reserved bits 0. */
  public byte encode() {
    return (byte) ((start ? S : 0) | (end ? E : 0) | (mode.tBit() ? T : 0));
  }
}
