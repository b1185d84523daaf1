package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code MLSMessage} of RFC 9420 §6: the protocol version, the wire format and the body it selects.
 * Only {@link ProtocolVersion#MLS10} is accepted, since the body layout is defined for it alone.
 *
 * @param version the {@code ProtocolVersion} ({@link ProtocolVersion#MLS10})
 * @param body the public message, private message, welcome, group info or key package
 */
public record MlsMessage(int version, MlsMessageBody body) implements MlsStruct {

  /** Checks the version and the body. */
  public MlsMessage {
    if (version != ProtocolVersion.MLS10) {
      throw new IllegalArgumentException("only mls10 messages are defined, got version " + version);
    }
    Wire.require(body, "body");
  }

  /** An mls10 message carrying {@code body}. */
  public static MlsMessage of(MlsMessageBody body) {
    return new MlsMessage(ProtocolVersion.MLS10, body);
  }

  /** The wire format selected by the body. */
  public WireFormat wireFormat() {
    return body.wireFormat();
  }

  /** Reads one {@code MLSMessage}. */
  public static MlsMessage decode(TlsReader reader) throws DecodeException {
    int at = reader.offset();
    int version = reader.readUint16();
    if (version != ProtocolVersion.MLS10) {
      throw new DecodeException(
          "MLSMessage version " + version + " at offset " + at + " (want mls10 = 1)");
    }
    WireFormat format = WireFormat.decode(reader);
    MlsMessageBody body;
    switch (format) {
      case PUBLIC_MESSAGE:
        body = PublicMessage.decode(reader);
        break;
      case PRIVATE_MESSAGE:
        body = PrivateMessage.decode(reader);
        break;
      case WELCOME:
        body = Welcome.decode(reader);
        break;
      case GROUP_INFO:
        body = GroupInfo.decode(reader);
        break;
      case KEY_PACKAGE:
        body = KeyPackage.decode(reader);
        break;
      default:
        throw new dev.sealmeet.error.SealmeetBugException("unhandled wire format " + format);
    }
    return new MlsMessage(version, body);
  }

  /** Decodes a whole {@code MLSMessage}, rejecting trailing bytes. */
  public static MlsMessage fromBytes(byte[] bytes) throws DecodeException {
    return TlsReader.decodeExactly(bytes, MlsMessage::decode);
  }

  @Override
  public void encode(TlsWriter writer) {
    writer.writeUint16(version);
    body.wireFormat().encode(writer);
    body.encode(writer);
  }
}
