package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.util.Arrays;

/** KDF.Extract over {@link Secret} holders, wiping the temporary copies it makes. */
final class Kdf {
  private Kdf() {}

  /** KDF.Extract(salt, ikm) (RFC 9420 §8: salt from the top of the diagram, IKM from the left). */
  static Secret extract(MlsSuite suite, Secret salt, Secret ikm) {
    byte[] s = salt.copyBytes();
    byte[] i = ikm.copyBytes();
    try {
      return Secret.wrap(suite.primitives().kdfExtract(s, i));
    } finally {
      Arrays.fill(s, (byte) 0);
      Arrays.fill(i, (byte) 0);
    }
  }

  /** The all-zero vector of length {@code KDF.Nh} written "0" in RFC 9420 §8. */
  static Secret zero(MlsSuite suite) {
    return Secret.wrap(new byte[suite.hashLength()]);
  }
}
