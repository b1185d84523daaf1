package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsWriter;

/**
 * A value with a TLS presentation language encoding (RFC 9420 §2.1). Every wire record of this package
 * implements it; decoding is a static {@code decode(TlsReader)} on each record.
 */
public interface MlsStruct {

  /** Writes this value's encoding to {@code writer}. */
  void encode(TlsWriter writer);

  /**
   * About how many bytes {@link #encode} writes, for sizing the buffer: structures that can be
   * large (a GroupInfo carrying a ratchet tree) say so, so their encoding is not grown by
   * doubling through many copies. Never needs to be exact.
   */
  default int encodedSizeHint() {
    return 64;
  }

  /** This value's encoding as a fresh array. */
  default byte[] toBytes() {
    TlsWriter writer = new TlsWriter(encodedSizeHint());
    encode(writer);
    return writer.toByteArray();
  }
}
