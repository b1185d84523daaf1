package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;
import java.util.Optional;

/**
 * {@code sealmeet_suite_definition} (private-use extension type {@link Extensions#SUITE_DEFINITION},
 * RFC 9420 §17.3): what a cipher suite code point is made of, so that members whose registries map
 * one code point to different suites refuse each other instead of deriving different keys (Sealmeet
 * spec §1.1, [SM-MLS-12]). The same data serves as a GroupContext extension (the group's suite) and
 * as a KeyPackage extension (the suite its author meant).
 *
 * <pre>
 * struct {
 *   uint16 cipher_suite;      // the code point (RFC 9420 §5.1)
 *   uint16 kem_id;            // HPKE KEM (RFC 9180 §7.1, draft-ietf-hpke-pq)
 *   uint16 kdf_id;            // HPKE KDF, whose hash is the MLS hash
 *   uint16 aead_id;           // HPKE AEAD
 *   uint16 signature_scheme;  // TLS SignatureScheme
 * } SuiteDefinitionData;
 * </pre>
 *
 * @param cipherSuite the code point
 * @param kemId the HPKE KEM id
 * @param kdfId the HPKE KDF id
 * @param aeadId the HPKE AEAD id
 * @param signatureScheme the TLS SignatureScheme
 */
public record SuiteDefinitionExtension(
    int cipherSuite, int kemId, int kdfId, int aeadId, int signatureScheme) {

  /** Checks that every field is a uint16. */
  public SuiteDefinitionExtension {
    for (int value : new int[] {cipherSuite, kemId, kdfId, aeadId, signatureScheme}) {
      if (value < 0 || value > 0xFFFF) {
        throw new IllegalArgumentException("suite definition fields are uint16, got " + value);
      }
    }
  }

  /**
   * Whether a group or KeyPackage in {@code cipherSuite} carries this extension: for every code
   * point IANA has not assigned (RFC 9420 §17.1 assigns 0x0001–0x0007), whose meaning is a
   * registry's choice.
   */
  public static boolean requiredFor(int cipherSuite) {
    return cipherSuite < 0x0001 || cipherSuite > 0x0007;
  }

  /**
   * The definition in {@code extensions}, if the extension is there.
   *
   * @throws DecodeException if its data is not exactly five uint16 values
   */
  public static Optional<SuiteDefinitionExtension> in(List<Extension> extensions)
      throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, Extensions.SUITE_DEFINITION);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TlsReader.decodeExactly(found.get().extensionData(), reader ->
        new SuiteDefinitionExtension(reader.readUint16(), reader.readUint16(),
            reader.readUint16(), reader.readUint16(), reader.readUint16())));
  }

  /** This definition as an extension of type {@link Extensions#SUITE_DEFINITION}. */
  public Extension toExtension() {
    byte[] data = new TlsWriter(10).writeUint16(cipherSuite).writeUint16(kemId)
        .writeUint16(kdfId).writeUint16(aeadId).writeUint16(signatureScheme).toByteArray();
    return new Extension(Extensions.SUITE_DEFINITION, data);
  }

  /** The fields in hex, for error messages (nothing here is secret). */
  @Override
  public String toString() {
    return String.format("suite 0x%04x = KEM 0x%04x, KDF 0x%04x, AEAD 0x%04x, signature 0x%04x",
        cipherSuite, kemId, kdfId, aeadId, signatureScheme);
  }
}
