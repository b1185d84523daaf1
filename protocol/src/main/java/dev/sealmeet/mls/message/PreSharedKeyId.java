package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * {@code PreSharedKeyID} of RFC 9420 §8.4: an external or a resumption PSK, each with its nonce.
 * {@link #encode} writes the {@code PSKType} (uint8: external 1, resumption 2) first.
 */
public sealed interface PreSharedKeyId extends MlsStruct
    permits PreSharedKeyId.External, PreSharedKeyId.Resumption {
  /** {@code PSKType external}. */
  int EXTERNAL = 1;
  /** {@code PSKType resumption}. */
  int RESUMPTION = 2;

  /** The {@code PSKType}. */
  int pskType();

  /** A copy of {@code psk_nonce}. */
  byte[] pskNonce();

  /** Reads one {@code PreSharedKeyID}. */
  static PreSharedKeyId decode(TlsReader reader) throws DecodeException {
    int type = reader.readUint8();
    switch (type) {
      case EXTERNAL: {
        byte[] id = reader.readOpaque();
        return new External(id, reader.readOpaque());
      }
      case RESUMPTION: {
        ResumptionPskUsage usage = ResumptionPskUsage.decode(reader);
        byte[] groupId = reader.readOpaque();
        long epoch = reader.readUint64();
        return new Resumption(usage, groupId, epoch, reader.readOpaque());
      }
      default:
        throw new DecodeException("unknown PSKType " + type + " (want 1 or 2)");
    }
  }

  /**
   * An external PSK.
   *
   * @param pskId the application-chosen id (copied in and out)
   * @param pskNonce the nonce (copied in and out)
   */
  record External(byte[] pskId, byte[] pskNonce) implements PreSharedKeyId {
    /** Copies both arrays. */
    public External {
      pskId = Wire.copy(pskId, "pskId");
      pskNonce = Wire.copy(pskNonce, "pskNonce");
    }

    /** A copy of the PSK id. */
    @Override
    public byte[] pskId() {
      return pskId.clone();
    }

    @Override
    public byte[] pskNonce() {
      return pskNonce.clone();
    }

    @Override
    public int pskType() {
      return EXTERNAL;
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(EXTERNAL);
      writer.writeOpaque(pskId);
      writer.writeOpaque(pskNonce);
    }

    /** Equal when the encodings are equal (arrays compared by content). */
    @Override
    public boolean equals(Object other) {
      return other instanceof External
          && Wire.sameEncoding(this, (External) other);
    }

    /** A hash of the encoding. */
    @Override
    public int hashCode() {
      return Wire.encodingHash(this);
    }
  }

  /**
   * A resumption PSK.
   *
   * @param usage what the resumption is for
   * @param pskGroupId the group the PSK comes from (copied in and out)
   * @param pskEpoch the epoch it comes from (uint64, unsigned)
   * @param pskNonce the nonce (copied in and out)
   */
  record Resumption(ResumptionPskUsage usage, byte[] pskGroupId, long pskEpoch, byte[] pskNonce)
      implements PreSharedKeyId {
    /** Copies both arrays. */
    public Resumption {
      Wire.require(usage, "usage");
      pskGroupId = Wire.copy(pskGroupId, "pskGroupId");
      pskNonce = Wire.copy(pskNonce, "pskNonce");
    }

    /** A copy of the PSK group id. */
    @Override
    public byte[] pskGroupId() {
      return pskGroupId.clone();
    }

    @Override
    public byte[] pskNonce() {
      return pskNonce.clone();
    }

    @Override
    public int pskType() {
      return RESUMPTION;
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeUint8(RESUMPTION);
      usage.encode(writer);
      writer.writeOpaque(pskGroupId);
      writer.writeUint64(pskEpoch);
      writer.writeOpaque(pskNonce);
    }

    /** Equal when the encodings are equal (arrays compared by content). */
    @Override
    public boolean equals(Object other) {
      return other instanceof Resumption
          && Wire.sameEncoding(this, (Resumption) other);
    }

    /** A hash of the encoding. */
    @Override
    public int hashCode() {
      return Wire.encodingHash(this);
    }
  }
}
