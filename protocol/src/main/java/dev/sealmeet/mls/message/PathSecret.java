package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PathSecret} of RFC 9420 §12.4.3.1: the path secret a joiner receives for the common
 * ancestor with the committer. Holds a secret: {@link #toString()} prints only its length.
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

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PathSecret
        && Wire.sameEncoding(this, (PathSecret) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
