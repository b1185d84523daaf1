package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code GroupContextExtensions} of RFC 9420 §12.1.7.
 *
 * @param extensions the replacement group context extensions
 */
public record GroupContextExtensionsProposal(List<Extension> extensions) implements Proposal {

  /** Copies the list. */
  public GroupContextExtensionsProposal {
    extensions = Wire.list(extensions, "extensions");
  }

  @Override
  public int proposalType() {
    return GROUP_CONTEXT_EXTENSIONS;
  }

  /** Reads a {@code GroupContextExtensions} body. */
  public static GroupContextExtensionsProposal decode(TlsReader reader) throws DecodeException {
    return new GroupContextExtensionsProposal(Extensions.decodeList(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    Extensions.encodeList(writer, extensions);
  }
}
