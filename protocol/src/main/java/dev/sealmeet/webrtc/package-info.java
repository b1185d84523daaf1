/**
 * The place a JVM WebRTC stack plugs in: {@link dev.sealmeet.webrtc.FrameEncryptor} and {@link
 * dev.sealmeet.webrtc.FrameDecryptor}, shaped like libwebrtc's {@code FrameEncryptorInterface} and
 * {@code FrameDecryptorInterface} (output size bound, encrypt or decrypt into a caller buffer, per
 * media type), over one {@link dev.sealmeet.meeting.Meeting}'s media plane. Frames travel through
 * the stack's SFU path, not the delivery service; the meeting's control plane keeps the keys
 * current ({@link dev.sealmeet.meeting.Meeting#poll}) and carries the signature frames of sender
 * authentication (spec §2.7).
 *
 * <pre>
 *  encoder ─► FrameEncryptor.encrypt(type, ssrc, ad, frame, out) ─► SFrame (RFC 9605 §4.2) ─► SFU
 *  SFU ─► FrameDecryptor.decrypt(type, csrcs, ad, sframe, out, result) ─► status ─► decoder
 *           OK (with PENDING / VERIFIED / UNVERIFIED / UNKNOWN), RECOVERABLE, REPLAYED,
 *           FAILED_TO_DECRYPT, FORGED
 *  meeting thread: Meeting.poll() ─► epochs installed, signature frames sent and applied
 * </pre>
 *
 * <p>Both use caller-owned {@code ByteBuffer}s, heap or direct, in place, and allocate nothing per
 * frame on success (the JDK's AES-GCM allocates inside {@code Cipher.init}: the provider's own).
 * What is normative about them (empty SFrame metadata: libwebrtc's additional data is not
 * authenticated; stream id = SSRC) is spec §2.10.
 */
package dev.sealmeet.webrtc;
