package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code HPKECiphertext} of RFC 9420 §7.6 (the wire form; the crypto module's value is
 * {@code HpkeSealed}).
 *
 * @param kemOutput the HPKE encapsulated key (copied in and out)
 * @param ciphertext the AEAD ciphertext (copied in and out)
 */
public record HpkeCiphertext(byte[] kemOutput, byte[] ciphertext) implements MlsStruct {

  /** Copies both arrays. */
  public HpkeCiphertext {
    kemOutput = Wire.copy(kemOutput, "kemOutput");
    ciphertext = Wire.copy(ciphertext, "ciphertext");
  }

  /** A copy of the KEM output. */
  @Override
  public byte[] kemOutput() {
    return kemOutput.clone();
  }

  /** A copy of the ciphertext. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Reads one {@code HPKECiphertext}. */
  public static HpkeCiphertext decode(TlsReader reader) throws DecodeException {
    byte[] kemOutput = reader.readOpaque();
    return new HpkeCiphertext(kemOutput, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(kemOutput);
    writer.writeOpaque(ciphertext);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof HpkeCiphertext
        && Wire.sameEncoding(this, (HpkeCiphertext) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
