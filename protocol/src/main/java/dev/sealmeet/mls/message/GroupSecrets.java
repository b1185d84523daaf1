package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GroupSecrets} of RFC 9420 §12.4.3.1: what a joiner decrypts from a {@link Welcome}. Holds
 * secrets: {@link #toString()} prints only lengths and counts.
 *
 * @param joinerSecret the joiner secret (copied in and out)
 * @param pathSecret the path secret, if the commit had a path
 * @param psks the PSKs the epoch uses
 */
public record GroupSecrets(
    byte[] joinerSecret, Optional<PathSecret> pathSecret, List<PreSharedKeyId> psks)
    implements MlsStruct {

  /** Copies the secret and the list. */
  public GroupSecrets {
    joinerSecret = Wire.copy(joinerSecret, "joinerSecret");
    Wire.require(pathSecret, "pathSecret");
    psks = Wire.list(psks, "psks");
  }

  /** A copy of the joiner secret; the caller should wipe it after use. */
  @Override
  public byte[] joinerSecret() {
    return joinerSecret.clone();
  }

  /** Reads one {@code GroupSecrets}. */
  public static GroupSecrets decode(TlsReader reader) throws DecodeException {
    byte[] joiner = reader.readOpaque();
    Optional<PathSecret> path =
        reader.readPresence() ? Optional.of(PathSecret.decode(reader)) : Optional.empty();
    return new GroupSecrets(joiner, path, reader.readList(PreSharedKeyId::decode));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(joinerSecret);
    writer.writePresence(pathSecret.isPresent());
    pathSecret.ifPresent(p -> p.encode(writer));
    writer.writeList(psks, (w, p) -> p.encode(w));
  }

  /** Lengths and counts only. */
  @Override
  public String toString() {
    return "GroupSecrets[joiner secret " + joinerSecret.length + " bytes, path secret "
        + (pathSecret.isPresent() ? "present" : "absent") + ", " + psks.size() + " PSKs]";
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof GroupSecrets
        && Wire.sameEncoding(this, (GroupSecrets) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
