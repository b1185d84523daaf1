package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PathSecret} of RFC 9420 §12.4.3.1: the path secret a joiner receives for the common
 * ancestor with the committer. Holds a secret in one private copy: {@link #toString()} prints only
 * its length, {@link #hashCode()} ignores it, {@link #equals} compares in constant time, and {@link
 * #destroy()} zero-fills it (the accessor then returns zeros).
 *
 * @param pathSecret the secret (copied in and out)
 */
public record PathSecret(byte[] pathSecret) implements MlsStruct {

  /** Copies the secret. */
  public PathSecret {
    pathSecret = Wire.copy(pathSecret, "pathSecret");
  }

  /** A copy of the secret; the caller should wipe it after use. */
  @Override
  public byte[] pathSecret() {
    return pathSecret.clone();
  }

  /** A new holder with its own copy, made without an intermediate array. */
  public PathSecret copy() {
    return new PathSecret(pathSecret);
  }

  /** Zero-fills the secret. Idempotent. */
  public void destroy() {
    java.util.Arrays.fill(pathSecret, (byte) 0);
  }

  /** Reads one {@code PathSecret}. */
  public static PathSecret decode(TlsReader reader) throws DecodeException {
    return new PathSecret(reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(pathSecret);
  }

  /** Type and length only. */
  @Override
  public String toString() {
    return "PathSecret[" + pathSecret.length + " bytes]";
  }

  /** Equal when the encodings are equal, compared in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PathSecret
        && Wire.sameEncoding(this, (PathSecret) other);
  }

  /** The length only; never the secret. */
  @Override
  public int hashCode() {
    return pathSecret.length;
  }
}
