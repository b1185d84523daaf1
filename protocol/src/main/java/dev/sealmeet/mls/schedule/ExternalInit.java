package dev.sealmeet.mls.schedule;

import dev.sealmeet.crypto.HpkeExport;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.nio.charset.StandardCharsets;

/**
 * The joiner's side of an external init (RFC 9420 §8.3): a KEM output for the ExternalInit proposal
 * and the init secret it carries. The group's side is {@link EpochSecrets#externalInitSecret}.
 *
 * @param kemOutput the {@code kem_output} to place in the ExternalInit proposal
 * @param initSecret the init secret for the external commit's key schedule
 */
public record ExternalInit(byte[] kemOutput, InitSecret initSecret) {
  /** Copies the KEM output. */
  public ExternalInit {
    kemOutput = kemOutput.clone();
  }

  /**
   * SetupBaseS(external_pub, "") then export("MLS 1.0 external init secret", Nh).
   *
   * @throws BadKeyException if {@code externalPub} is not a valid HPKE public key of the suite
   */
  public static ExternalInit create(MlsSuite suite, byte[] externalPub) throws BadKeyException {
    HpkeExport export = suite.primitives().hpkeExportSend(externalPub, new byte[0],
        EpochSecrets.EXTERNAL_INIT_LABEL.getBytes(StandardCharsets.US_ASCII), suite.hashLength());
    return new ExternalInit(export.kemOutput(), new InitSecret(export.exportedSecret()));
  }

  /** A copy of the KEM output. */
  @Override
  public byte[] kemOutput() {
    return kemOutput.clone();
  }

  /** Lengths only. */
  @Override
  public String toString() {
    return "ExternalInit[kem_output " + kemOutput.length + " bytes, " + initSecret + "]";
  }
}
