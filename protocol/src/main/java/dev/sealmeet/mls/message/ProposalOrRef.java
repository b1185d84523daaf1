package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code ProposalOrRef} of RFC 9420 §12.4: a proposal by value or a {@code ProposalRef} (§5.2).
 * {@link #encode} writes the {@code ProposalOrRefType} (uint8: proposal 1, reference 2) first.
 */
public sealed interface ProposalOrRef extends MlsStruct
    permits ProposalOrRef.ByValue, ProposalOrRef.ByReference {
  /** {@code ProposalOrRefType proposal}. */
  int PROPOSAL = 1;
  /** {@code ProposalOrRefType reference}. */
  int REFERENCE = 2;

  /** Reads one {@code ProposalOrRef}. */
  static ProposalOrRef decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint8();
    switch (type) {
      case PROPOSAL:
        return new ByValue(Proposal.decode(reader));
      case REFERENCE:
        return new ByReference(reader.readOpaque());
      default:
        throw new DecodeException("unknown ProposalOrRefType " + type + " (want 1 or 2)");
    }
  }

  /**
   * A proposal sent inline in the commit.
   *
   * @param proposal the proposal
   */
  record ByValue(Proposal proposal) implements ProposalOrRef {
    /** Checks for null. */
    public ByValue {
      Wire.require(proposal, "proposal");
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(PROPOSAL);
      proposal.encodeProposal(writer);
    }
  }

  /**
   * A reference to a proposal sent earlier in the epoch.
   *
   * @param reference the {@code ProposalRef} hash (copied in and out)
   */
  record ByReference(byte[] reference) implements ProposalOrRef {
    /** Copies the reference. */
    public ByReference {
      reference = Wire.copy(reference, "reference");
    }

    /** A copy of the reference. */
    @Override
    public byte[] reference() {
      return reference.clone();
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(REFERENCE);
      writer.writeOpaque(reference);
    }

    /** Equal when the encodings are equal (arrays compared by content). */
    @Override
    public boolean equals(Object other) {
      return other instanceof ByReference
          && Wire.sameEncoding(this, (ByReference) other);
    }

    /** A hash of the encoding. */
    @Override
    public int hashCode() {
      return Wire.encodingHash(this);
    }
  }
}
