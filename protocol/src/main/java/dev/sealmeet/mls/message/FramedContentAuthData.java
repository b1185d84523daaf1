package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.Optional;

/**
 * {@code FramedContentAuthData} of RFC 9420 §6.1: the signature and, for commits, the confirmation
 * tag. Which of the two shapes applies is fixed by the content type, so decoding needs it.
 *
 * @param signature {@code SignWithLabel(., "FramedContentTBS", FramedContentTBS)} (copied in and out)
 * @param confirmationTag the confirmation tag, present exactly for commits (copied in and out)
 */
public record FramedContentAuthData(byte[] signature, Optional<byte[]> confirmationTag)
    implements MlsStruct {

  /** Copies both values. */
  public FramedContentAuthData {
    signature = Wire.copy(signature, "signature");
    confirmationTag = Wire.copy(confirmationTag, "confirmationTag");
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** A copy of the confirmation tag, present for commits. */
  @Override
  public Optional<byte[]> confirmationTag() {
    return confirmationTag.map(byte[]::clone);
  }

  /** Whether this shape fits {@code type} (tag present exactly for commits). */
  boolean fits(ContentType type) {
    return confirmationTag.isPresent() == (type == ContentType.COMMIT);
  }

  static void requireFits(FramedContentAuthData auth, ContentType type) {
    if (!auth.fits(type)) {
      throw new IllegalArgumentException(
          "confirmation tag must be present exactly for commits, content type is " + type);
    }
  }

  /** Reads the auth data of a message whose content type is {@code type}. */
  public static FramedContentAuthData decode(TlsReader reader, ContentType type)
      throws DecodeException {
    byte[] signature = reader.readOpaque();
    Optional<byte[]> tag =
        type == ContentType.COMMIT ? Optional.of(reader.readOpaque()) : Optional.empty();
    return new FramedContentAuthData(signature, tag);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeOpaque(signature);
    confirmationTag.ifPresent(writer::writeOpaque);
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof FramedContentAuthData
        && Wire.sameEncoding(this, (FramedContentAuthData) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
