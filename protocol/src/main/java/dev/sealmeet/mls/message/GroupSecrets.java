package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GroupSecrets} of RFC 9420 §12.4.3.1: what a joiner decrypts from a {@link Welcome}. Holds
 * secrets in one private copy each: {@link #toString()} prints only lengths and counts, {@link
 * #hashCode()} ignores them, {@link #equals} compares in constant time, and {@link #destroy()}
 * zero-fills them (the record's accessors then return zeros). Whoever creates or receives an
 * instance destroys it when done; {@link dev.sealmeet.mls.framing.WelcomeReceiver} and {@link
 * dev.sealmeet.mls.framing.WelcomeSender} do so for the ones they make.
 *
 * @param joinerSecret the joiner secret (copied in and out)
 * @param pathSecret the path secret, if the commit had a path (copied in; the accessor returns
 *     this record's own holder)
 * @param psks the PSKs the epoch uses
 */
public record GroupSecrets(
    byte[] joinerSecret, Optional<PathSecret> pathSecret, List<PreSharedKeyId> psks)
    implements MlsStruct {

  /** Copies the secrets and the list. */
  public GroupSecrets {
    joinerSecret = Wire.copy(joinerSecret, "joinerSecret");
    Wire.require(pathSecret, "pathSecret");
    pathSecret = pathSecret.map(PathSecret::copy);
    psks = Wire.list(psks, "psks");
  }

  /** A copy of the joiner secret; the caller should wipe it after use. */
  @Override
  public byte[] joinerSecret() {
    return joinerSecret.clone();
  }

  /** Zero-fills the joiner secret and the path secret. Idempotent. */
  public void destroy() {
    java.util.Arrays.fill(joinerSecret, (byte) 0);
    pathSecret.ifPresent(PathSecret::destroy);
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

  /** Equal when the encodings are equal, compared in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof GroupSecrets
        && Wire.sameEncoding(this, (GroupSecrets) other);
  }

  /** A hash of the PSK ids and the path secret's presence; never of a secret. */
  @Override
  public int hashCode() {
    return 31 * psks.hashCode() + Boolean.hashCode(pathSecret.isPresent());
  }
}
