package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsWriter;
import java.util.List;

/**
 * An {@code x509} {@link Credential} (RFC 9420 §5.3.1): a chain of DER certificates, kept opaque
 * ({@code Certificate certificates<V>} with {@code opaque cert_data<V>}).
 *
 * @param certificates the chain, leaf first (each array copied in and out)
 */
public record X509Credential(List<byte[]> certificates) implements Credential {

  /** Copies the chain. */
  public X509Credential {
    certificates = Wire.copyAll(certificates, "certificates");
  }

  /** Copies of the certificates. */
  @Override
  public List<byte[]> certificates() {
    return Wire.copyAll(certificates, "certificates");
  }

  @Override
  public int credentialType() {
    return X509;
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(X509);
    Wire.writeOpaqueList(writer, certificates);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof X509Credential
        && Wire.sameEncoding(this, (X509Credential) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
