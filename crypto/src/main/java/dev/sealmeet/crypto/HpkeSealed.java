package dev.sealmeet.crypto;

/** The result of a single-shot HPKE seal: the KEM output {@code enc} and the AEAD ciphertext. */
public record HpkeSealed(byte[] kemOutput, byte[] ciphertext) {
  /** Copies both arrays. */
  public HpkeSealed {
    kemOutput = kemOutput.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] kemOutput() {
    return kemOutput.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }
}
