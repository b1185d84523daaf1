package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code Commit} of RFC 9420 §12.4.
 *
 * @param proposals the committed proposals, by value or by reference
 * @param path the update path, if any
 */
public record Commit(List<ProposalOrRef> proposals, Optional<UpdatePath> path) implements MlsStruct {

  /** Copies the list. */
  public Commit {
    proposals = Wire.list(proposals, "proposals");
    Wire.require(path, "path");
  }

  /** Reads one {@code Commit}. */
  public static Commit decode(TlsReader reader) throws DecodeException {
    List<ProposalOrRef> proposals = reader.readList(ProposalOrRef::decode);
    Optional<UpdatePath> path =
        reader.readPresence() ? Optional.of(UpdatePath.decode(reader)) : Optional.empty();
    return new Commit(proposals, path);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeList(proposals, (w, p) -> p.encode(w));
    writer.writePresence(path.isPresent());
    path.ifPresent(p -> p.encode(writer));
  }
}
