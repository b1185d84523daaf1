/**
 * SFrame (RFC 9605): end-to-end encryption of media frames, the hot path of a meeting.
 *
 * <pre>
 * key install (rare)                       per frame (µs, no allocation in Sealmeet code)
 * base_key ─► SframeKeySchedule (§4.4.2)    SframeSender.protect:
 *              sframe_key, sframe_salt        header(KID, CTR) (§4.3) ‖ AEAD(salt ⊕ CTR, header ‖ metadata)
 *              └─► FrameKey: Cipher, HMAC   SframeReceiver.unprotect:
 *                  created once per KID       parse header ─► key by KID ─► replay check ─► AEAD open
 *                                             ─► replay window update (only after authentication)
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.sealmeet.sframe.SframeSuite}: suites {@code 0x0001}–{@code 0x0005} (RFC 9605 §4.5,
 *       §8.1) and the provisional, opt-in AES-256-CTR suites {@code 0x0006}–{@code 0x0008}.
 *   <li>{@link dev.sealmeet.sframe.SframeHeader}: the KID/CTR header (RFC 9605 §4.3); only the minimal
 *       encoding is accepted.
 *   <li>{@link dev.sealmeet.sframe.SframeKeySchedule}: {@code derive_key_salt} (RFC 9605 §4.4.2), the
 *       AES-CTR + HMAC subkeys (§4.5.1). The nonce (§4.4.3) is computed only inside senders and
 *       receivers: no public method encrypts under a caller-chosen nonce.
 *   <li>{@link dev.sealmeet.sframe.SframeSender} and {@link dev.sealmeet.sframe.SframeReceiver}: key
 *       stores by KID (several epochs at once), counters that never go backwards for a KID, even
 *       when it is removed and installed again, a sliding anti-replay window per KID (RFC 9605
 *       §7.5, §9.3), and {@code close()}, which wipes every key.
 *   <li>{@link dev.sealmeet.sframe.SframeAead}: internal, the suite AEAD alone for known-answer
 *       checks; it decrypts, and only compares what it encrypts.
 * </ul>
 *
 * <p>JCE provider: the frame AEAD's {@code Cipher}s and HMAC come from the provider in
 * {@link dev.sealmeet.sframe.SframeOptions} (default: the JDK's), created once per key, never per
 * frame; an algorithm the provider lacks comes from the JDK's providers.
 *
 * <p>Threads: {@code SframeSender} and {@code SframeReceiver} are thread-safe. Keys are published
 * copy-on-write and read without a lock; each thread seals or opens with its own JCE objects
 * (leased per key); a CTR is handed out once by one atomic step; the replay window checks and
 * records a CTR atomically after authentication.
 *
 * <p>The MLS KID layout and base-key export of RFC 9605 §5.2 live in {@code dev.sealmeet.meeting}
 * ({@code MediaProtector}, {@code KidLayout}) on top of these classes; codec-aware frames, with the
 * bytes an SFU needs left clear and authenticated, in {@code dev.sealmeet.sframe.codec}. Not here
 * yet: sender-key ratcheting (§5.1).
 *
 * <p>Errors: malformed frames throw {@link dev.sealmeet.error.DecodeException}, unknown KIDs
 * {@link dev.sealmeet.sframe.UnknownKidException}, replays {@link dev.sealmeet.error.ReplayException},
 * forged frames {@link dev.sealmeet.error.AuthenticationException}; all without stack traces. A frame
 * whose plaintext does not fit the caller's destination is a {@link dev.sealmeet.error.DecodeException}
 * too, raised before any state is touched. Misuse (missing send key, small send destination,
 * exhausted counter, a CTR that would go backwards, use after close) throws
 * {@link java.lang.IllegalArgumentException} or {@link java.lang.IllegalStateException}.
 */
package dev.sealmeet.sframe;
