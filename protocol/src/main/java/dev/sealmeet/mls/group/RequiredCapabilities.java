package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import java.util.List;
import java.util.Optional;

/**
 * The {@code required_capabilities} GroupContext extension (RFC 9420 §11.1): extension, proposal
 * and credential types every member must support.
 *
 * @param extensionTypes required extension types
 * @param proposalTypes required proposal types
 * @param credentialTypes required credential types
 */
public record RequiredCapabilities(
    List<Integer> extensionTypes, List<Integer> proposalTypes, List<Integer> credentialTypes) {

  /** Copies the lists. */
  public RequiredCapabilities {
    extensionTypes = List.copyOf(extensionTypes);
    proposalTypes = List.copyOf(proposalTypes);
    credentialTypes = List.copyOf(credentialTypes);
  }

  /**
   * The requirement in {@code extensions}, if any.
   *
   * @throws DecodeException if the extension data is malformed
   */
  public static Optional<RequiredCapabilities> in(List<Extension> extensions)
      throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, Extensions.REQUIRED_CAPABILITIES);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(TlsReader.decodeExactly(found.get().extensionData(), reader ->
        new RequiredCapabilities(readTypes(reader), readTypes(reader), readTypes(reader))));
  }

  /** This requirement as a GroupContext extension. */
  public Extension toExtension() {
    TlsWriter writer = new TlsWriter();
    writeTypes(writer, extensionTypes);
    writeTypes(writer, proposalTypes);
    writeTypes(writer, credentialTypes);
    return new Extension(Extensions.REQUIRED_CAPABILITIES, writer.toByteArray());
  }

  /**
   * The first requirement {@code capabilities} misses, or empty if it meets all of them. Default
   * extension types (1–5) and proposal types (1–7) count as supported (§7.2).
   */
  public Optional<String> missingFrom(Capabilities capabilities) {
    for (int type : extensionTypes) {
      if (type > Extensions.EXTERNAL_SENDERS && !capabilities.extensions().contains(type)) {
        return Optional.of("extension type " + type);
      }
    }
    for (int type : proposalTypes) {
      if (type > 7 && !capabilities.proposals().contains(type)) {
        return Optional.of("proposal type " + type);
      }
    }
    for (int type : credentialTypes) {
      if (!capabilities.credentials().contains(type)) {
        return Optional.of("credential type " + type);
      }
    }
    return Optional.empty();
  }

  private static List<Integer> readTypes(TlsReader reader) throws DecodeException {
    TlsReader vector = reader.readVector();
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    while (!vector.isEmpty()) {
      out.add(vector.readUint16());
    }
    return out;
  }

  private static void writeTypes(TlsWriter writer, List<Integer> types) {
    writer.writeVector(w -> types.forEach(w::writeUint16));
  }
}
