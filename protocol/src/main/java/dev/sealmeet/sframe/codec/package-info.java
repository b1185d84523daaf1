/**
 * Codec-aware SFrame ({@code spec/protocol.md} §2.8): the bytes a packetizer or SFU needs stay clear
 * and in place, everything else is SFrame ciphertext, and the clear bytes and their map are
 * authenticated as SFrame metadata (RFC 9605 §4.4.3), so neither can change undetected.
 *
 * <pre>
 * sender:   encoded frame ─► MediaCodec.rule().clearRanges ─► ClearMap
 *           CodecAwareProtector: SframeSender.protect(kid, label ‖ mode ‖ map ‖ clear bytes ‖ metadata,
 *                                                      encrypted bytes)
 *           ─► body (clear bytes in place, ciphertext in the gaps) ‖ header ‖ map ‖ tag ‖ footer
 *              (H.264/H.265: ciphertext runs and trailer escaped against start-code emulation)
 * receiver: CodecAwareUnprotector: footer ─► trailer ─► map ─► body ─► SframeReceiver.unprotect
 *           (no codec knowledge: the map and the mode are in the frame)
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.sealmeet.sframe.codec.MediaCodec} and {@link dev.sealmeet.sframe.codec.CodecClearBytes}:
 *       the rule of each codec, Opus (RFC 7587), VP8 (RFC 7741), VP9 (RFC 9628), H.264 (RFC 6184),
 *       H.265 (RFC 7798) and AV1 (the AOM AV1 RTP specification), each range with its
 *       {@link dev.sealmeet.sframe.codec.ClearReason}.
 *   <li>{@link dev.sealmeet.sframe.codec.ClearMap}: the strict, canonical map of clear ranges.
 *   <li>{@link dev.sealmeet.sframe.codec.CodecAwareProtector} and
 *       {@link dev.sealmeet.sframe.codec.CodecAwareUnprotector}: the frame, on top of
 *       {@link dev.sealmeet.sframe.SframeSender} and {@link dev.sealmeet.sframe.SframeReceiver}.
 * </ul>
 *
 * <p>Errors: malformed frames, maps and escapes throw {@link dev.sealmeet.error.DecodeException}, a
 * changed clear byte, map byte or mode {@link dev.sealmeet.error.AuthenticationException}. Not here
 * yet: a zero-copy {@code ByteBuffer} path, the meeting layer's use of it. RTP packetization is
 * {@code dev.sealmeet.rtp}.
 */
package dev.sealmeet.sframe.codec;
