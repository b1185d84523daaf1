package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code Extension extensions<V>} helpers and the extension types of RFC 9420 §17.3. */
public final class Extensions {
  /** {@code application_id} (RFC 9420 §5.3.3). */
  public static final int APPLICATION_ID = 0x0001;
  /** {@code ratchet_tree} (RFC 9420 §12.4.3.3). */
  public static final int RATCHET_TREE = 0x0002;
  /** {@code required_capabilities} (RFC 9420 §11.1). */
  public static final int REQUIRED_CAPABILITIES = 0x0003;
  /** {@code external_pub} (RFC 9420 §12.4.3.2). */
  public static final int EXTERNAL_PUB = 0x0004;
  /** {@code external_senders} (RFC 9420 §12.1.8.1). */
  public static final int EXTERNAL_SENDERS = 0x0005;
  /**
   * {@code sealmeet_suite_definition} (private use, RFC 9420 §17.3): what the group's or the
   * KeyPackage's cipher suite code point is made of ({@link SuiteDefinitionExtension}).
   */
  public static final int SUITE_DEFINITION = 0xF0C5;

  private Extensions() {}

  /** Reads {@code Extension extensions<V>}. Duplicates are kept; see {@link #hasDuplicateTypes}. */
  public static List<Extension> decodeList(TlsReader reader) throws DecodeException {
    return reader.readList(Extension::decode);
  }

  /** Writes {@code Extension extensions<V>}. */
  public static void encodeList(TlsWriter writer, List<Extension> extensions) {
    writer.writeList(extensions, (w, e) -> e.encode(w));
  }

  /** The first extension of {@code type}, if any. */
  public static Optional<Extension> find(List<Extension> extensions, int type) {
    for (Extension e : extensions) {
      if (e.extensionType() == type) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether two extensions share a type (RFC 9420 §13.4 forbids it; callers that validate a group
   * raise the protocol error, the decoder does not).
   */
  public static boolean hasDuplicateTypes(List<Extension> extensions) {
    Set<Integer> seen = new HashSet<>();
    for (Extension e : extensions) {
      if (!seen.add(e.extensionType())) {
        return true;
      }
    }
    return false;
  }
}
