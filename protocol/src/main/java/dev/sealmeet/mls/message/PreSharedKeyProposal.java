package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PreSharedKey} of RFC 9420 §12.1.4.
 *
 * @param psk the PSK to inject
 */
public record PreSharedKeyProposal(PreSharedKeyId psk) implements Proposal {

  /** Checks for null. */
  public PreSharedKeyProposal {
    Wire.require(psk, "psk");
  }

  @Override
  public int proposalType() {
    return PSK;
  }

  /** Reads a {@code PreSharedKey} body. */
  public static PreSharedKeyProposal decode(TlsReader reader) throws DecodeException {
    return new PreSharedKeyProposal(PreSharedKeyId.decode(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    psk.encode(writer);
  }
}
