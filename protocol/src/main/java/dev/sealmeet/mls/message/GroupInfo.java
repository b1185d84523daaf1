package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.util.List;

/**
 * {@code GroupInfo} of RFC 9420 §12.4.3.
 *
 * @param groupContext the group context of the new epoch
 * @param extensions group info extensions (e.g. {@code ratchet_tree}, {@code external_pub})
 * @param confirmationTag the epoch's confirmation tag (copied in and out)
 * @param signer the leaf index of the signer (uint32)
 * @param signature {@code SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)} (copied in and out)
 */
public record GroupInfo(
    GroupContext groupContext,
    List<Extension> extensions,
    byte[] confirmationTag,
    long signer,
    byte[] signature)
    implements MlsMessageBody {

  /** Checks ranges and copies. */
  public GroupInfo {
    Wire.require(groupContext, "groupContext");
    extensions = Wire.list(extensions, "extensions");
    confirmationTag = Wire.copy(confirmationTag, "confirmationTag");
    Wire.uint32(signer, "signer");
    signature = Wire.copy(signature, "signature");
  }

  /** A copy of the confirmation tag. */
  @Override
  public byte[] confirmationTag() {
    return confirmationTag.clone();
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The same group info with another signature. */
  public GroupInfo withSignature(byte[] newSignature) {
    return new GroupInfo(groupContext, extensions, confirmationTag, signer, newSignature);
  }

  @Override
  public WireFormat wireFormat() {
    return WireFormat.GROUP_INFO;
  }

  /** Reads one {@code GroupInfo}. */
  public static GroupInfo decode(TlsReader reader) throws DecodeException {
    GroupContext context = GroupContext.decode(reader);
    List<Extension> extensions = Extensions.decodeList(reader);
    byte[] tag = reader.readOpaque();
    long signer = reader.readUint32();
    return new GroupInfo(context, extensions, tag, signer, reader.readOpaque());
  }

  /** The extensions' data (a ratchet tree can be megabytes) plus the rest, rounded up. */
  @Override
  public int encodedSizeHint() {
    long hint = 512L + confirmationTag.length + signature.length;
    for (Extension e : extensions) {
      hint += e.encodedSizeHint();
    }
    for (Extension e : groupContext.extensions()) {
      hint += e.encodedSizeHint();
    }
    return (int) Math.min(hint, TlsWriter.MAX_VARINT);
  }

  @Override
  public void encode(TlsWriter writer) {
    encodeContent(writer);
    writer.writeOpaque(signature);
  }

  private void encodeContent(TlsWriter writer) {
    groupContext.encode(writer);
    Extensions.encodeList(writer, extensions);
    writer.writeOpaque(confirmationTag);
    writer.writeUint32(signer);
  }

  /** The {@code GroupInfoTBS} bytes of RFC 9420 §12.4.3: everything but the signature. */
  public byte[] toBeSigned() {
    TlsWriter writer = new TlsWriter(encodedSizeHint());
    encodeContent(writer);
    return writer.toByteArray();
  }

  /** Equal when the encodings are equal (arrays compared by content). */
  @Override
  public boolean equals(Object other) {
    return other instanceof GroupInfo
        && Wire.sameEncoding(this, (GroupInfo) other);
  }

  /** A hash of the encoding. */
  @Override
  public int hashCode() {
    return Wire.encodingHash(this);
  }
}
