package dev.sealmeet.sframe.auth;

/**
 * The sender's signing operation for its signature frames: {@code SignWithLabel(leaf key, "sealmeet
 * sframe tags v1", tbs)} (RFC 9420 §5.1.2) in a meeting. Holds the private key; never returns it.
 */
@FunctionalInterface
public interface TagSigning {
  /** The signature of {@code tbs} (spec §2.7, [SM-AUTH-2]). */
  byte[] sign(byte[] tbs);
}
