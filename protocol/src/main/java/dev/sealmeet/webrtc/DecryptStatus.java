package dev.sealmeet.webrtc;

/**
 * What became of a frame given to {@link FrameDecryptor#decrypt}: the shape of libwebrtc's {@code
 * FrameDecryptorInterface::Status}, split where our typed failures tell a caller more. A replay and
 * a frame of an epoch whose keys are not held are not attacks; a failed tag or a FORGED frame are.
 *
 * <table>
 *   <caption>Our statuses and libwebrtc's</caption>
 *   <tr><th>status</th><th>from</th><th>libwebrtc</th><th>the caller</th></tr>
 *   <tr><td>{@link #OK}</td><td>decrypted, not shown forged</td><td>kOk</td><td>decodes it</td></tr>
 *   <tr><td>{@link #RECOVERABLE}</td><td>{@code MeetingRule.UNKNOWN_EPOCH}</td>
 *       <td>kRecoverable</td><td>may keep it and retry after the next poll</td></tr>
 *   <tr><td>{@link #REPLAYED}</td><td>{@code ReplayException}</td><td>kFailedToDecrypt</td>
 *       <td>drops it quietly (a duplicate or a frame older than the replay window)</td></tr>
 *   <tr><td>{@link #FAILED_TO_DECRYPT}</td><td>{@code AuthenticationException}, {@code
 *       DecodeException}, {@code MeetingRule.UNKNOWN_SENDER}, any other</td>
 *       <td>kFailedToDecrypt</td><td>drops it; counts it as hostile or corrupt</td></tr>
 *   <tr><td>{@link #FORGED}</td><td>decrypted, but sender authentication (spec §2.7) already
 *       shows it forged</td><td>kFailedToDecrypt</td><td>drops it; the meeting's listener is
 *       told</td></tr>
 * </table>
 */
public enum DecryptStatus {
  /** Decrypted into the caller's buffer; its sender-authentication status is in the result. */
  OK,
  /**
   * The frame names an epoch whose keys this member does not hold (not installed yet, or past its
   * grace): nothing changed, and the same frame may decrypt once the meeting has installed it.
   */
  RECOVERABLE,
  /** A frame already accepted, or older than the replay window (RFC 9605 §4.4.4). */
  REPLAYED,
  /** Malformed, failed its tag, or from a leaf not in its epoch: nothing changed. */
  FAILED_TO_DECRYPT,
  /**
   * It decrypted, but a signed tag received before it differs from its own (spec §2.7): a member
   * sent it under another member's KID. Nothing is left in the caller's buffer.
   */
  FORGED
}
