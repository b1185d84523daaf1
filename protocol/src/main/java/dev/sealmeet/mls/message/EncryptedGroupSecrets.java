package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code EncryptedGroupSecrets} of RFC 9420 §12.4.3.1.
 *
 * @param newMember the {@code KeyPackageRef} of the joiner (copied in and out)
 * @param encryptedGroupSecrets the {@link GroupSecrets} encrypted to the joiner's init key
 */
public record EncryptedGroupSecrets(byte[] newMember, HpkeCiphertext encryptedGroupSecrets)
    implements MlsStruct {

  /** Copies the reference and checks for null. */
  public EncryptedGroupSecrets {
    newMember = Wire.copy(newMember, "newMember");
    Wire.require(encryptedGroupSecrets, "encryptedGroupSecrets");
  }

  /** A copy of the key package reference. */
  @Override
  public byte[] newMember() {
    return newMember.clone();
  }

  /** Reads one {@code EncryptedGroupSecrets}. */
  public static EncryptedGroupSecrets decode(TlsReader reader) throws DecodeException {
    byte[] ref = reader.readOpaque();
    return new EncryptedGroupSecrets(ref, HpkeCiphertext.decode(reader));
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(newMember);
    encryptedGroupSecrets.encode(writer);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptedGroupSecrets
        && Wire.sameEncoding(this, (EncryptedGroupSecrets) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
