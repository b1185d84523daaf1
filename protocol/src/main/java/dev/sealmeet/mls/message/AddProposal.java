package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Add} of RFC 9420 §12.1.1.
 *
 * @param keyPackage the new member's key package
 */
public record AddProposal(KeyPackage keyPackage) implements Proposal {

  /** Checks for null. */
  public AddProposal {
    Wire.require(keyPackage, "keyPackage");
  }

  @Override
  public int proposalType() {
    return ADD;
  }

  /** Reads an {@code Add} body. */
  public static AddProposal decode(TlsReader reader) throws DecodeException {
    return new AddProposal(KeyPackage.decode(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    keyPackage.encode(writer);
  }
}
