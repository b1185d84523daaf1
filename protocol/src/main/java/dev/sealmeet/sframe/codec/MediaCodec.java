package dev.sealmeet.sframe.codec;

/** The codecs whose clear-byte rules Sealmeet knows ({@code protocol.md} §2.8). */
public enum MediaCodec {
  /** Opus (RFC 7587): nothing stays clear. */
  OPUS(new OpusClearBytes()),
  /** VP8 (RFC 7741): the payload header. */
  VP8(new Vp8ClearBytes()),
  /** VP9 (RFC 9628): each frame's first header byte(s) and the superframe index. */
  VP9(new Vp9ClearBytes()),
  /** H.264 (RFC 6184), Annex B: start codes, NAL unit headers, parameter sets. */
  H264(AnnexBClearBytes.h264()),
  /** H.265 (RFC 7798), Annex B: start codes, NAL unit headers, parameter sets. */
  H265(AnnexBClearBytes.h265()),
  /** AV1 (AV1 RTP specification), low-overhead OBU stream: OBU headers and sizes, sequence headers. */
  AV1(new Av1ClearBytes());

  private final CodecClearBytes rule;

  MediaCodec(CodecClearBytes rule) {
    this.rule = rule;
  }

  /** This codec's clear-byte rule (stateless, thread-safe). */
  public CodecClearBytes rule() {
    return rule;
  }
}
