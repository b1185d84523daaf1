package dev.sealmeet.crypto;

/** The sender's side of an HPKE export (RFC 9180 §5.3): the KEM output and the exported secret. */
public final class HpkeExport {
  private final byte[] kemOutput;
  private final Secret exportedSecret;

  /** Copies {@code kemOutput}; takes ownership of the secret holder. */
  public HpkeExport(byte[] kemOutput, Secret exportedSecret) {
    this.kemOutput = kemOutput.clone();
    this.exportedSecret = exportedSecret;
  }

  /** The encapsulated key {@code enc} to send to the receiver. */
  public byte[] kemOutput() {
    return kemOutput.clone();
  }

  /** The exported secret. */
  public Secret exportedSecret() {
    return exportedSecret;
  }

  @Override
  public String toString() {
    return "HpkeExport[enc " + kemOutput.length + " bytes, " + exportedSecret + "]";
  }
}
