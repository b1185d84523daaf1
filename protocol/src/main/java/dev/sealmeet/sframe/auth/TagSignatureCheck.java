package dev.sealmeet.sframe.auth;

/**
 * How a receiver checks a signature frame: with the signature public key of the leaf that {@code
 * kid} names, in the epoch {@code kid} names ({@code VerifyWithLabel}, RFC 9420 §5.1.2, label
 * {@code "sealmeet sframe tags v1"}).
 */
@FunctionalInterface
public interface TagSignatureCheck {
  /**
   * Whether {@code signature} is a valid signature of {@code tbs} by the sender of {@code kid}.
   * False, never an exception, for an unknown KID or leaf and for malformed signatures.
   */
  boolean verify(long kid, byte[] tbs, byte[] signature);
}
