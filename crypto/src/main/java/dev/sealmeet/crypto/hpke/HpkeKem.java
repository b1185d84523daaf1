package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.BadKeyException;
import java.security.SecureRandom;

/**
 * The KEM interface of RFC 9180 §4 as {@link Hpke} uses it: DHKEMs (§4.1) and the post-quantum and
 * hybrid KEMs of draft-ietf-hpke-pq. Keys and {@code enc} are serialized byte strings throughout;
 * every length and point check on input from a peer is the KEM's, and fails with {@link
 * BadKeyException}.
 */
interface HpkeKem {

  /** The KEM id (RFC 9180 §7.1, draft-ietf-hpke-pq IANA tables). */
  int id();

  /** {@code Nenc}. */
  int encLength();

  /** {@code Npk}. */
  int publicKeyLength();

  /** {@code Nsk}. */
  int privateKeyLength();

  /** Whether AuthEncap/AuthDecap exist: DHKEMs only (draft-ietf-hpke-pq, Security Considerations). */
  boolean supportsAuth();

  /** GenerateKeyPair(). */
  RawKeyPair generateKeyPair(SecureRandom random);

  /** DeriveKeyPair(ikm). */
  RawKeyPair deriveKeyPair(byte[] ikm);

  /**
   * The public key of a serialized private key.
   *
   * @throws BadKeyException if the private key has the wrong length or is out of range
   */
  byte[] publicKey(byte[] privateKey) throws BadKeyException;

  /**
   * Encap(pkR), or AuthEncap(pkR, skS) when {@code skS} is non-null, drawing its randomness from
   * {@code random}.
   *
   * @throws BadKeyException if {@code pkR} or {@code skS} is invalid
   */
  Encapsulation encap(byte[] pkR, SecureRandom random, byte[] skS) throws BadKeyException;

  /**
   * Decap(enc, skR), or AuthDecap(enc, skR, pkS) when {@code pkS} is non-null: the shared secret,
   * owned by the caller, who wipes it.
   *
   * @throws BadKeyException if {@code enc}, {@code skR} or {@code pkS} is invalid
   */
  byte[] decap(byte[] enc, byte[] skR, byte[] pkS) throws BadKeyException;

  /** The KEM's output: the shared secret (owned by the caller, who wipes it) and {@code enc}. */
  final class Encapsulation {
    final byte[] sharedSecret;
    final byte[] enc;

    Encapsulation(byte[] sharedSecret, byte[] enc) {
      this.sharedSecret = sharedSecret;
      this.enc = enc;
    }

    @Override
    public String toString() {
      return "Encapsulation[enc " + enc.length + " bytes]";
    }
  }
}
