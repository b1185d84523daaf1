package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Proposal} of RFC 9420 §12.1: a {@code ProposalType} (uint16) and the proposal body.
 *
 * <p>Each variant's own {@link #encode} and {@code decode} handle its RFC struct alone ({@code Add},
 * {@code Remove}, ...), as the messages vectors serialize them. {@link #decode(TlsReader)} and
 * {@link #encodeProposal} handle the whole {@code Proposal}, type included.
 */
public sealed interface Proposal extends MlsStruct
    permits AddProposal, UpdateProposal, RemoveProposal, PreSharedKeyProposal, ReInitProposal,
        ExternalInitProposal, GroupContextExtensionsProposal, UnknownProposal {
  /** {@code add}. */
  int ADD = 1;
  /** {@code update}. */
  int UPDATE = 2;
  /** {@code remove}. */
  int REMOVE = 3;
  /** {@code psk}. */
  int PSK = 4;
  /** {@code reinit}. */
  int REINIT = 5;
  /** {@code external_init}. */
  int EXTERNAL_INIT = 6;
  /** {@code group_context_extensions}. */
  int GROUP_CONTEXT_EXTENSIONS = 7;

  /** The {@code ProposalType} (uint16). */
  int proposalType();

  /** Writes the whole {@code Proposal}: the type, then the body. */
  default void encodeProposal(TlsWriter writer) {
    writer.writeUint16(proposalType());
    encode(writer);
  }

  /** The whole {@code Proposal} (type and body) as bytes, e.g. for a proposal reference. */
  default byte[] toProposalBytes() {
    TlsWriter writer = new TlsWriter();
    encodeProposal(writer);
    return writer.toByteArray();
  }

  /**
   * Reads a whole {@code Proposal}. Types 1 to 7 are decoded; any other type becomes an
   * {@link UnknownProposal} whose body is read as {@code opaque data<V>}.
   */
  static Proposal decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint16();
    switch (type) {
      case ADD:
        return AddProposal.decode(reader);
      case UPDATE:
        return UpdateProposal.decode(reader);
      case REMOVE:
        return RemoveProposal.decode(reader);
      case PSK:
        return PreSharedKeyProposal.decode(reader);
      case REINIT:
        return ReInitProposal.decode(reader);
      case EXTERNAL_INIT:
        return ExternalInitProposal.decode(reader);
      case GROUP_CONTEXT_EXTENSIONS:
        return GroupContextExtensionsProposal.decode(reader);
      default:
        return UnknownProposal.decode(reader, type);
    }
  }
}
