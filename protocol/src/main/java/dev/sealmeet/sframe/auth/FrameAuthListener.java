package dev.sealmeet.sframe.auth;

/**
 * What a {@link TagVerifier} reports. Calls run on the thread that settled the frame (the one
 * applying a signature frame, recording a frame, or calling {@link TagVerifier#expire}) while it
 * holds the lock of that KID's frames: a listener must be quick, must not block and must not throw
 * (it queues work for another thread).
 */
public interface FrameAuthListener {
  /**
   * The frame under {@code kid} at {@code ctr} is forged: reported once per frame, with the KID
   * (so the claimed sender) it carried.
   */
  void forged(long kid, long ctr, ForgeryReason reason);

  /** The frame under {@code kid} at {@code ctr} is verified. Does nothing by default. */
  default void verified(long kid, long ctr) {}

  /**
   * The frame under {@code kid} at {@code ctr} stays unverified: its deadline passed while a
   * statement that may have listed it is known lost. Does nothing by default.
   */
  default void unverified(long kid, long ctr) {}
}
