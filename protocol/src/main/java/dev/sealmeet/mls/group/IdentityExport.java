package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Credential;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The byte form of a {@link SigningIdentity}, for the application's secret storage. Sealmeet's
 * own format, in the TLS presentation language (RFC 9420 §2.1):
 *
 * <pre>
 * struct {
 *   uint16 version = 1;
 *   CipherSuite cipher_suite;            // whose signature scheme the keys belong to
 *   Credential credential;               // RFC 9420 §5.3
 *   opaque signature_public_key&lt;V&gt;;
 *   opaque signature_private_key&lt;V&gt;;  // secret
 * } ExportedIdentity;
 * </pre>
 *
 * <p>Import decodes exactly (no trailing byte), checks version and suite, derives the public key
 * from the private one and requires it to equal the stored one, so a truncated, spliced or
 * foreign export is refused with a typed exception, never half-imported. The private key's copies
 * that this class makes are wiped; the writer's internal buffer is not (Java gives no hold on it),
 * so the export is best done rarely, at enrolment.
 */
final class IdentityExport {
  /** The only version this code writes and reads. */
  static final int VERSION = 1;

  private IdentityExport() {}

  static byte[] export(MlsSuite suite, Credential credential, byte[] publicKey,
      Secret privateKey) {
    byte[] secret = privateKey.copyBytes();
    try {
      TlsWriter writer = new TlsWriter();
      writer.writeUint16(VERSION).writeUint16(suite.id());
      credential.encode(writer);
      writer.writeOpaque(publicKey).writeOpaque(secret);
      return writer.toByteArray();
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  static SigningIdentity importFrom(MlsSuite suite, byte[] exported) throws SealmeetException {
    TlsReader reader = TlsReader.of(exported);
    int version = reader.readUint16();
    if (version != VERSION) {
      throw new DecodeException("exported identity version " + version + ", expected " + VERSION);
    }
    int suiteId = reader.readUint16();
    if (suiteId != suite.id()) {
      throw new UnsupportedException("the identity was exported for cipher suite " + suiteId
          + ", not " + suite.id());
    }
    Credential credential = Credential.decode(reader);
    byte[] publicKey = reader.readOpaque();
    byte[] privateKey = reader.readOpaque();
    try {
      reader.finish();
      SigningIdentity identity = SigningIdentity.of(suite, credential, privateKey);
      if (!MessageDigest.isEqual(identity.signaturePublicKey(), publicKey)) {
        identity.close();
        throw new BadKeyException("the exported private key does not match its public key");
      }
      return identity;
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }
}
