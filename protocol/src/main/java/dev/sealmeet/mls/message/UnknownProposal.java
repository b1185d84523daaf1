package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * A proposal of a type this library does not implement (an extension type, RFC 9420 §13, or a
 * GREASE value, §13.5), carried as {@code opaque data<V>} so it passes through unchanged. Whether it
 * is acceptable is decided by validation against the members' capabilities (RFC 9420 §12.2), not here.
 *
 * @param proposalType the {@code ProposalType} (uint16, not 1..7)
 * @param data the opaque body (copied in and out)
 */
public record UnknownProposal(int proposalType, byte[] data) implements Proposal {

  /** Checks the type and copies the body. */
  public UnknownProposal {
    Wire.uint16(proposalType, "proposalType");
    if (proposalType >= ADD && proposalType <= GROUP_CONTEXT_EXTENSIONS) {
      throw new IllegalArgumentException("proposal type " + proposalType + " is not unknown");
    }
    data = Wire.copy(data, "data");
  }

  /** A copy of the opaque body. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Reads the opaque body (the type was read already). */
  public static UnknownProposal decode(TlsReader reader, int proposalType) throws DecodeException {
    return new UnknownProposal(proposalType, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(data);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownProposal
        && ((UnknownProposal) other).proposalType == proposalType
        && Wire.sameEncoding(this, (UnknownProposal) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
