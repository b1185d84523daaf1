package dev.sealmeet.sframe;

import dev.sealmeet.error.AuthenticationException;
import java.nio.ByteBuffer;

/**
 * One suite's AEAD bound to one key, with JCE objects created once and reused for every frame.
 *
 * <p>The AAD is given in two parts, {@code aad[0..aadLength)} (the SFrame header) followed by
 * {@code metadata[position..limit)}; the metadata buffer's cursors are left as found. Not thread-safe:
 * each instance belongs to one sender or receiver key.
 */
abstract class FrameAead {
  final SframeSuite suite;

  FrameAead(SframeSuite suite) {
    this.suite = suite;
  }

  /** A new AEAD over the JDK's providers (see {@link #create(SframeSuite, byte[], FrameCrypto)}).
   * */
  static FrameAead create(SframeSuite suite, byte[] key) {
    return create(suite, key, FrameCrypto.JDK);
  }

  /**
   * A new AEAD for {@code suite} keyed with {@code key} ({@code Nk} bytes; the array is not kept),
   * its JCE objects from {@code crypto}.
   */
  static FrameAead create(SframeSuite suite, byte[] key, FrameCrypto crypto) {
    SframeKeySchedule.checkKeyLength(suite, key.length);
    return suite.isCtrHmac()
        ? new CtrHmacFrameAead(suite, key, crypto)
        : new GcmFrameAead(suite, key, crypto);
  }

  /**
   * Encrypts {@code plaintext[position..limit)} into {@code dst} at its position: ciphertext then tag.
   * Consumes the plaintext and advances {@code dst} by the plaintext length plus {@code Nt}; the caller
   * has checked that {@code dst} has room.
   *
   * @throws IllegalStateException if the JDK refuses the nonce (GCM's same key and nonce tripwire)
   */
  abstract void seal(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata,
      ByteBuffer plaintext, ByteBuffer dst);

  /**
   * Authenticates and decrypts {@code ciphertext[position..limit)} (ciphertext then tag) into
   * {@code dst}. On success consumes the ciphertext and advances {@code dst} by the plaintext length.
   * On failure both cursors are unchanged; the bytes of {@code dst} past its position may have been
   * overwritten. The caller has checked that at least {@code Nt} bytes are given and {@code dst} has room.
   *
   * @throws AuthenticationException (without a stack trace) if the tag does not verify
   */
  abstract void open(byte[] nonce, byte[] aad, int aadLength, ByteBuffer metadata,
      ByteBuffer ciphertext, ByteBuffer dst) throws AuthenticationException;

  /** Wipes the key bytes this object owns. JCE keeps its own copy until collected. */
  abstract void destroy();

  /** A stackless failure whose message names the suite, built once. */
  static StacklessAuthenticationException tagFailure(String message) {
    return new StacklessAuthenticationException(message);
  }
}
