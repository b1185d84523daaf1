package dev.sealmeet.webrtc;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.auth.FrameAuthStatus;

/**
 * What {@link FrameDecryptor#decrypt} made of one frame: libwebrtc's {@code
 * FrameDecryptorInterface::Result} (status and bytes written), plus the frame's KID, CTR, claimed
 * sender leaf and sender-authentication status.
 *
 * <p>A caller-owned holder that each call fills in, rather than a new value per frame: a C++
 * {@code Result} is returned by value at no cost, a Java object would be one allocation per frame
 * on the media path (issue 19 asks for none). Not thread-safe: one per decoding thread, reused
 * frame after frame. Holds no plaintext and no key.
 */
public final class DecryptResult {
  private DecryptStatus status = DecryptStatus.FAILED_TO_DECRYPT;
  private int bytesWritten;
  private FrameAuthStatus authStatus = FrameAuthStatus.UNKNOWN;
  private long kid = -1;
  private long ctr = -1;
  private long senderLeaf = -1;
  private SealmeetException failure;

  /** An empty result, to be reused for every frame of one thread. */
  public DecryptResult() {}

  /** The status of the last frame. */
  public DecryptStatus status() {
    return status;
  }

  /** Whether the last frame decrypted ({@link DecryptStatus#OK}). */
  public boolean isOk() {
    return status == DecryptStatus.OK;
  }

  /** The plaintext bytes written into the caller's buffer: 0 unless {@link #isOk()}. */
  public int bytesWritten() {
    return bytesWritten;
  }

  /**
   * The frame's sender-authentication status on arrival: usually {@link FrameAuthStatus#PENDING}
   * (ask {@code SenderAuthentication.status(kid(), ctr())} later), {@link FrameAuthStatus#UNKNOWN}
   * if the meeting does not require sender authentication or the frame did not decrypt.
   */
  public FrameAuthStatus authStatus() {
    return authStatus;
  }

  /** The KID the frame's header carried, or -1 if its header did not parse. */
  public long kid() {
    return kid;
  }

  /** The CTR the frame's header carried, or -1 if its header did not parse. */
  public long ctr() {
    return ctr;
  }

  /**
   * The leaf whose KID the frame carried, or -1 if its header did not parse: a member of the
   * epoch, not proof of the sender until {@link #authStatus()} is VERIFIED.
   */
  public long senderLeaf() {
    return senderLeaf;
  }

  /**
   * The typed failure behind a status other than OK and FORGED, or null: for logs and counters
   * (its message holds lengths, KIDs and rules, never a secret).
   */
  public SealmeetException failure() {
    return failure;
  }

  void header(long kid, long ctr, long senderLeaf) {
    this.kid = kid;
    this.ctr = ctr;
    this.senderLeaf = senderLeaf;
  }

  void reset() {
    status = DecryptStatus.FAILED_TO_DECRYPT;
    bytesWritten = 0;
    authStatus = FrameAuthStatus.UNKNOWN;
    kid = -1;
    ctr = -1;
    senderLeaf = -1;
    failure = null;
  }

  void decrypted(int length, FrameAuthStatus auth) {
    status = DecryptStatus.OK;
    bytesWritten = length;
    authStatus = auth;
  }

  void forged() {
    status = DecryptStatus.FORGED;
    authStatus = FrameAuthStatus.FORGED;
  }

  void failed(DecryptStatus value, SealmeetException cause) {
    status = value;
    failure = cause;
  }

  /** Status, length, KID and CTR only. */
  @Override
  public String toString() {
    return "DecryptResult[" + status + ", " + bytesWritten + " bytes, KID 0x"
        + Long.toHexString(kid) + ", CTR " + ctr + ", " + authStatus + "]";
  }
}
