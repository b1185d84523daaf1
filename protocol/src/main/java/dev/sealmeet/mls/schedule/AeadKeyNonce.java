package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.Arrays;

/** An AEAD key and nonce held as secrets, with seal and open that never hand the bytes out. */
abstract class AeadKeyNonce {
  private final MlsSuite suite;
  private final Secret key;
  private final Secret nonce;

  AeadKeyNonce(MlsSuite suite, Secret key, Secret nonce) {
    this.suite = suite;
    this.key = key;
    this.nonce = nonce;
  }

  /** A copy of the AEAD key; the caller owns it. */
  public Secret key() {
    return key.copy();
  }

  /** A copy of the AEAD nonce as derived (before any reuse guard); the caller owns it. */
  public Secret nonce() {
    return nonce.copy();
  }

  byte[] sealWith(byte[] reuseGuard, byte[] aad, byte[] plaintext) {
    byte[] k = key.copyBytes();
    byte[] n = ReuseGuard.apply(nonce, reuseGuard);
    try {
      return suite.primitives().aeadSeal(k, n, aad, plaintext);
    } finally {
      Arrays.fill(k, (byte) 0);
      Arrays.fill(n, (byte) 0);
    }
  }

  byte[] openWith(byte[] reuseGuard, byte[] aad, byte[] ciphertext)
      throws AuthenticationException {
    byte[] k = key.copyBytes();
    byte[] n = ReuseGuard.apply(nonce, reuseGuard);
    try {
      return suite.primitives().aeadOpen(k, n, aad, ciphertext);
    } finally {
      Arrays.fill(k, (byte) 0);
      Arrays.fill(n, (byte) 0);
    }
  }

  /** Wipes key and nonce. */
  public void destroy() {
    key.destroy();
    nonce.destroy();
  }

  /** Whether {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return key.isDestroyed();
  }
}
