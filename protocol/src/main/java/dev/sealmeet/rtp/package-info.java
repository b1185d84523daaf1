/**
 * SFrame over RTP (draft-ietf-avtcore-rtp-sframe-02; {@code spec/protocol.md} §2.9): a strict RTP
 * packet model (RFC 3550 §5.1), the one-byte SFrame payload descriptor, a packetizer and a
 * reordering, bounded depacketizer, for per-frame and per-packet SFrame.
 *
 * <pre>
 * sender:   frame ─► protect ─► SframePacketizer (S/E/T descriptor, MTU) ─► RtpPacket.encode
 * relay:    reads RTP headers and clear bytes only; drops, reorders, duplicates
 * receiver: RtpPacket.decode ─► SframeDepacketizer (window, bounds, §5.2 runs)
 *           ─► SframeRtpFrame ─► unprotect       or incomplete timestamps, never partial bytes
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.sealmeet.rtp.RtpPacket}: header fields and payload; CSRCs, header extensions
 *       and padding are checked and skipped on decode, never written.
 *   <li>{@link dev.sealmeet.rtp.SframeDescriptor} and {@link dev.sealmeet.rtp.SframeRtpMode}: the
 *       S, E and T bits.
 *   <li>{@link dev.sealmeet.rtp.SframePacketizer} and {@link dev.sealmeet.rtp.SframeDepacketizer}
 *       with {@link dev.sealmeet.rtp.DepacketizerLimits}.
 * </ul>
 *
 * <p>Not here: the media-format packetizers that per-packet mode puts in front (RFC 6184, RFC
 * 7741, …), SDP {@code a=sframe} and per-SSRC keys (draft §6–§8), header extensions, a zero-copy
 * path.
 */
package dev.sealmeet.rtp;
