package dev.sealmeet.sframe.codec;

/**
 * Why a range of an encoded frame stays clear in a codec-aware frame ({@code protocol.md} §2.8),
 * with the section of the payload format that needs it.
 */
public enum ClearReason {
  /** The VP8 payload header: frame tag, and on key frames start code and dimensions (RFC 7741 §4.3). */
  VP8_PAYLOAD_HEADER("RFC 7741 §4.3"),
  /** The first byte(s) of a VP9 uncompressed header: profile, frame type, show_frame (RFC 9628 §4.2). */
  VP9_FRAME_HEADER("RFC 9628 §4.2"),
  /** A VP9 superframe index, which splits a superframe into frames (RFC 9628 §4.2, VP9 Annex B). */
  VP9_SUPERFRAME_INDEX("RFC 9628 §4.2"),
  /** An Annex B start code with its leading zero bytes (H.264 and H.265 Annex B). */
  ANNEX_B_START_CODE("H.264 Annex B"),
  /** An H.264 NAL unit header, with the SVC extension for types 14 and 20 (RFC 6184 §1.3, RFC 6190 §1.1.3). */
  H264_NAL_HEADER("RFC 6184 §1.3"),
  /** An H.264 SPS, PPS, SPS extension or subset SPS (RFC 6184 §8.1 sprop-parameter-sets). */
  H264_PARAMETER_SET("RFC 6184 §8.1"),
  /** An H.265 NAL unit header: type, layer id, TemporalId (RFC 7798 §1.1.4). */
  H265_NAL_HEADER("RFC 7798 §1.1.4"),
  /** An H.265 VPS, SPS or PPS (RFC 7798 §7.1 sprop-vps, sprop-sps, sprop-pps). */
  H265_PARAMETER_SET("RFC 7798 §7.1"),
  /** An AV1 OBU header, with its extension (temporal and spatial id) (AV1 RTP specification §4). */
  AV1_OBU_HEADER("AV1 RTP §4"),
  /** An AV1 obu_size field, which delimits OBUs (AV1 RTP specification §4, §5). */
  AV1_OBU_SIZE("AV1 RTP §5"),
  /** An AV1 sequence header OBU, which marks a new coded video sequence (AV1 RTP specification §5). */
  AV1_SEQUENCE_HEADER("AV1 RTP §5");

  private final String citation;

  ClearReason(String citation) {
    this.citation = citation;
  }

  /** The section of the payload format or bitstream specification that needs these bytes. */
  public String citation() {
    return citation;
  }
}
