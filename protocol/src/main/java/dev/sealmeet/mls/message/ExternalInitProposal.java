package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code ExternalInit} of RFC 9420 §12.1.6.
 *
 * @param kemOutput the HPKE KEM output to the group's external public key (copied in and out)
 */
public record ExternalInitProposal(byte[] kemOutput) implements Proposal {

  /** Copies the KEM output. */
  public ExternalInitProposal {
    kemOutput = Wire.copy(kemOutput, "kemOutput");
  }

  /** A copy of the KEM output. */
  @Override
  public byte[] kemOutput() {
    return kemOutput.clone();
  }

  @Override
  public int proposalType() {
    return EXTERNAL_INIT;
  }

  /** Reads an {@code ExternalInit} body. */
  public static ExternalInitProposal decode(TlsReader reader) throws DecodeException {
    return new ExternalInitProposal(reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(kemOutput);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExternalInitProposal
        && Wire.sameEncoding(this, (ExternalInitProposal) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
