package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code Capabilities} of RFC 9420 §7.2. Every entry is a uint16 code point; unknown and GREASE
 * values are kept (RFC 9420 §13.5).
 *
 * @param versions supported {@code ProtocolVersion}s
 * @param cipherSuites supported {@code CipherSuite}s
 * @param extensions supported {@code ExtensionType}s (beyond the defaults)
 * @param proposals supported {@code ProposalType}s (beyond the defaults)
 * @param credentials supported {@code CredentialType}s
 */
public record Capabilities(
    List<Integer> versions,
    List<Integer> cipherSuites,
    List<Integer> extensions,
    List<Integer> proposals,
    List<Integer> credentials)
    implements MlsStruct {

  /** Copies the lists and checks that each entry is a uint16. */
  public Capabilities {
    versions = Wire.uint16List(versions, "versions");
    cipherSuites = Wire.uint16List(cipherSuites, "cipherSuites");
    extensions = Wire.uint16List(extensions, "extensions");
    proposals = Wire.uint16List(proposals, "proposals");
    credentials = Wire.uint16List(credentials, "credentials");
  }

  /** Reads one {@code Capabilities}. */
  public static Capabilities decode(TlsReader reader) throws DecodeException {
    List<Integer> versions = Wire.readUint16List(reader);
    List<Integer> suites = Wire.readUint16List(reader);
    List<Integer> extensions = Wire.readUint16List(reader);
    List<Integer> proposals = Wire.readUint16List(reader);
    List<Integer> credentials = Wire.readUint16List(reader);
    return new Capabilities(versions, suites, extensions, proposals, credentials);
  }

  @Override
  public void encode(TlsWriter writer) {
    Wire.writeUint16List(writer, versions);
    Wire.writeUint16List(writer, cipherSuites);
    Wire.writeUint16List(writer, extensions);
    Wire.writeUint16List(writer, proposals);
    Wire.writeUint16List(writer, credentials);
  }
}
