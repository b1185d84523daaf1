package dev.sealmeet.sframe;

import dev.sealmeet.error.SealmeetBugException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Where the frame AEAD gets its JCE objects: the provider of {@link SframeOptions#provider()}, or
 * the JDK's providers. Used at key install only, never per frame. An algorithm the given provider
 * lacks comes from the JDK's providers (see {@link SframeOptions}).
 */
final class FrameCrypto {
  /** The JDK's providers, in the usual JCE order. */
  static final FrameCrypto JDK = new FrameCrypto(Optional.empty());

  private final Optional<Provider> provider;

  private FrameCrypto(Optional<Provider> provider) {
    this.provider = provider;
  }

  /** The JCE objects of {@code options}. */
  static FrameCrypto of(SframeOptions options) {
    return options.provider().isEmpty() ? JDK : new FrameCrypto(options.provider());
  }

  /** A {@link Cipher} for {@code transformation} from the provider, else from the JDK. */
  Cipher cipher(String transformation) {
    try {
      if (provider.isPresent() && offers(provider.get(), "Cipher", transformation)) {
        return Cipher.getInstance(transformation, provider.get());
      }
      return Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new SealmeetBugException("no provider offers " + transformation, e);
    }
  }

  /**
   * An HMAC keyed with {@code key}. Over the provider's {@code MessageDigest} for {@code hash} if
   * it has one (allocation-free), else over its {@code Mac} named {@code macName}, else over the
   * JDK's {@code MessageDigest}.
   *
   * @param hash {@code SHA-256} or {@code SHA-512}
   * @param blockSize the hash's block size: 64 or 128
   * @param macName {@code HmacSHA256} or {@code HmacSHA512}
   */
  Hmac hmac(String hash, int blockSize, String macName, byte[] key) {
    try {
      if (provider.isPresent()) {
        Provider p = provider.get();
        if (offers(p, "MessageDigest", hash)) {
          return Hmac.overDigest(MessageDigest.getInstance(hash, p), blockSize, key);
        }
        if (offers(p, "Mac", macName)) {
          return Hmac.overMac(Mac.getInstance(macName, p), macName, key);
        }
      }
      return Hmac.overDigest(MessageDigest.getInstance(hash), blockSize, key);
    } catch (NoSuchAlgorithmException e) {
      throw new SealmeetBugException("no provider offers " + hash, e);
    }
  }

  private static boolean offers(Provider provider, String type, String algorithm) {
    if (provider.getService(type, algorithm) != null) {
      return true;
    }
    if (!type.equals("Cipher")) {
      return false;
    }
    try {
      Cipher.getInstance(algorithm, provider);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The provider's name, or {@code JDK}. */
  @Override
  public String toString() {
    return provider.map(Provider::getName).orElse("JDK");
  }
}
