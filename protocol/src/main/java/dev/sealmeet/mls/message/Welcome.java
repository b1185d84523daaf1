package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code Welcome} of RFC 9420 §12.4.3.1.
 *
 * @param cipherSuite the group's {@code CipherSuite} id (uint16)
 * @param secrets one entry per joiner
 * @param encryptedGroupInfo the {@link GroupInfo} encrypted under the welcome key (copied in and out)
 */
public record Welcome(
    int cipherSuite, List<EncryptedGroupSecrets> secrets, byte[] encryptedGroupInfo)
    implements MlsMessageBody {

  /** Checks the suite range and copies. */
  public Welcome {
    Wire.uint16(cipherSuite, "cipherSuite");
    secrets = Wire.list(secrets, "secrets");
    encryptedGroupInfo = Wire.copy(encryptedGroupInfo, "encryptedGroupInfo");
  }

  /** A copy of the encrypted group info. */
  @Override
  public byte[] encryptedGroupInfo() {
    return encryptedGroupInfo.clone();
  }

  @Override
  public WireFormat wireFormat() {
    return WireFormat.WELCOME;
  }

  /** Reads one {@code Welcome}. */
  public static Welcome decode(TlsReader reader) throws DecodeException {
    int suite = reader.readUint16();
    List<EncryptedGroupSecrets> secrets = reader.readList(EncryptedGroupSecrets::decode);
    return new Welcome(suite, secrets, reader.readOpaque());
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(cipherSuite);
    writer.writeList(secrets, (w, s) -> s.encode(w));
    writer.writeOpaque(encryptedGroupInfo);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Welcome
        && Wire.sameEncoding(this, (Welcome) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
