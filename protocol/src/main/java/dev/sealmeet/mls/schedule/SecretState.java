package dev.sealmeet.mls.schedule;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import java.util.Arrays;

/**
 * How persisted group state writes one secret: {@code optional<opaque<V>>}, absent for a holder
 * that is missing or destroyed. The one place where secret bytes enter a state encoding, which the
 * caller must keep confidential (encrypt it at rest).
 */
public final class SecretState {
  private SecretState() {}

  /** Writes {@code secret}, or absence if it is null or destroyed. */
  public static void write(TlsWriter writer, Secret secret) {
    boolean present = secret != null && !secret.isDestroyed();
    writer.writePresence(present);
    if (present) {
      byte[] raw = secret.copyBytes();
      try {
        writer.writeOpaque(raw);
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    }
  }

  /**
   * Reads a secret written by {@link #write}; null if absent.
   *
   * @throws DecodeException if the encoding is malformed
   */
  public static Secret read(TlsReader reader) throws DecodeException {
    return reader.readPresence() ? Secret.wrap(reader.readOpaque()) : null;
  }

  /** Reads a secret that must be present. */
  static Secret readPresent(TlsReader reader, String what) throws DecodeException {
    Secret s = read(reader);
    if (s == null) {
      throw new DecodeException("persisted " + what + " is missing");
    }
    return s;
  }
}
