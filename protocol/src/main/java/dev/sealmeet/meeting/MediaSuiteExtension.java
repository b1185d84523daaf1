package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.sframe.SframeSuite;
import java.util.List;
import java.util.Optional;

/**
 * The meeting's SFrame suite as a GroupContext extension (private-use type {@link
 * #EXTENSION_TYPE}, RFC 9420 §13.3): {@code uint16 sframe_suite}, the RFC 9605 §4.5 id. Bound in
 * the group, so every member protects media with the suite its host chose, never one of its own
 * (spec §2.1).
 */
final class MediaSuiteExtension {
  /** The extension type, from the private-use range of RFC 9420 §17.3. */
  static final int EXTENSION_TYPE = 0xF0A1;

  private MediaSuiteExtension() {}

  static Extension toExtension(SframeSuite suite) {
    return new Extension(EXTENSION_TYPE, new TlsWriter().writeUint16(suite.id()).toByteArray());
  }

  /**
   * The suite in {@code extensions}, if the extension is there.
   *
   * @throws DecodeException if its data is not one uint16 naming a known SFrame suite
   */
  static Optional<SframeSuite> in(List<Extension> extensions) throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, EXTENSION_TYPE);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int id = TlsReader.decodeExactly(found.get().extensionData(), TlsReader::readUint16);
    try {
      return Optional.of(SframeSuite.fromId(id, true));
    } catch (UnsupportedException e) {
      throw new DecodeException("sframe suite extension: unknown suite " + id);
    }
  }
}
