package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;

/**
 * {@code Credential} of RFC 9420 §5.3: a basic identity, an X.509 chain, or a type this library does
 * not know. Each variant's {@link #encode} writes the whole struct, type included.
 *
 * <p>The RFC gives no body layout for other credential types; like other implementations we read
 * them as {@code opaque credential_data<V>} so they round-trip ({@link UnknownCredential}).
 */
public sealed interface Credential extends MlsStruct
    permits BasicCredential, X509Credential, UnknownCredential {
  /** {@code CredentialType basic}. */
  int BASIC = 1;
  /** {@code CredentialType x509}. */
  int X509 = 2;

  /** The {@code CredentialType} (uint16). */
  int credentialType();

  /** Reads one {@code Credential}. */
  static Credential decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint16();
    switch (type) {
      case BASIC:
        return new BasicCredential(reader.readOpaque());
      case X509:
        return new X509Credential(Wire.readOpaqueList(reader));
      default:
        return new UnknownCredential(type, reader.readOpaque());
    }
  }
}
