package dev.sealmeet.sframe.auth;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The plaintext of a signature frame (spec §2.7, [SM-AUTH-1]): the (CTR, tag) of up to {@value
 * #MAX_ENTRIES} frames a sender protected under one KID on one stream, and the sender's signature
 * over them. It travels SFrame-protected with the metadata {@link #METADATA}.
 *
 * <pre>
 * uint8 version = 1; uint64 kid; uint32 stream; uint32 seq; uint64 first_ctr; uint16 count;
 * opaque first_tag[Nt]; { varint ctr_delta (≥ 1); opaque tag[Nt]; } rest[count - 1];
 * opaque signature&lt;V&gt;
 * </pre>
 *
 * @param kid the KID of the frames listed
 * @param stream the sender's stream id (a uint32)
 * @param seq the statement's number among the sender's statements for {@code kid}, all streams
 *     together, from 0 (a uint32): a gap tells a receiver a statement was lost ([SM-AUTH-5])
 * @param ctrs the CTRs listed, strictly increasing (unsigned); copied
 * @param tags their tags, {@code ctrs.length × tagLength} bytes in the same order; copied
 * @param tagLength {@code Nt} of the SFrame suite (RFC 9605 §4.5)
 * @param signature the signature over {@link #toBeSigned}, or empty before signing; copied
 */
public record TagSignatureFrame(long kid, long stream, long seq, long[] ctrs, byte[] tags,
    int tagLength, byte[] signature) {
  /** Largest number of entries in one frame. */
  public static final int MAX_ENTRIES = 256;

  /** The label of {@code SignWithLabel} and the SFrame metadata of signature frames. */
  public static final String LABEL = "sealmeet sframe tags v1";

  /** {@link #LABEL} in ASCII: the SFrame metadata a signature frame is protected with. */
  public static final byte[] METADATA = LABEL.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final int VERSION = 1;
  private static final int MAX_SIGNATURE = 1024;

  /** Copies the arrays and checks the entries as {@link #decode} does. */
  public TagSignatureFrame {
    ctrs = ctrs.clone();
    tags = tags.clone();
    signature = signature.clone();
    if (stream < 0 || stream > 0xffffffffL) {
      throw new IllegalArgumentException("stream must be a uint32");
    }
    if (seq < 0 || seq > 0xffffffffL) {
      throw new IllegalArgumentException("seq must be a uint32");
    }
    if (tagLength < 1 || ctrs.length < 1 || ctrs.length > MAX_ENTRIES
        || tags.length != ctrs.length * tagLength) {
      throw new IllegalArgumentException("1.." + MAX_ENTRIES + " entries of " + tagLength
          + "-byte tags expected, got " + ctrs.length + " CTRs and " + tags.length + " tag bytes");
    }
    for (int i = 1; i < ctrs.length; i++) {
      long delta = ctrs[i] - ctrs[i - 1];
      if (Long.compareUnsigned(ctrs[i], ctrs[i - 1]) <= 0 || delta > TlsWriter.MAX_VARINT) {
        throw new IllegalArgumentException("CTRs must increase by 1.." + TlsWriter.MAX_VARINT);
      }
    }
  }

  /** The number of entries. */
  public int count() {
    return ctrs.length;
  }

  /** The CTR of entry {@code i}. */
  public long ctr(int i) {
    return ctrs[i];
  }

  /** The tags array itself, not a copy: for the verifier's comparisons only. */
  byte[] tagsView() {
    return tags;
  }

  /** Copies entry {@code i}'s tag into {@code dst} at {@code offset}. */
  void copyTag(int i, byte[] dst, int offset) {
    System.arraycopy(tags, i * tagLength, dst, offset, tagLength);
  }

  /** These entries with {@code value} as the signature. */
  public TagSignatureFrame withSignature(byte[] value) {
    return new TagSignatureFrame(kid, stream, seq, ctrs, tags, tagLength, value);
  }

  /** {@code context<V> || every byte of the frame before the signature} (spec §2.7). */
  public byte[] toBeSigned(byte[] context) {
    TlsWriter w = new TlsWriter(context.length + bodyLength() + 4);
    w.writeOpaque(context);
    writeBody(w);
    return w.toByteArray();
  }

  /** The frame's bytes, signature included. */
  public byte[] encode() {
    TlsWriter w = new TlsWriter(bodyLength() + signature.length + 4);
    writeBody(w);
    w.writeOpaque(signature);
    return w.toByteArray();
  }

  private int bodyLength() {
    return 27 + ctrs.length * (tagLength + 4);
  }

  private void writeBody(TlsWriter w) {
    w.writeUint8(VERSION).writeUint64(kid).writeUint32(stream).writeUint32(seq)
        .writeUint64(ctrs[0])
        .writeUint16(ctrs.length);
    w.writeBytes(java.util.Arrays.copyOfRange(tags, 0, tagLength));
    for (int i = 1; i < ctrs.length; i++) {
      w.writeVarint((int) (ctrs[i] - ctrs[i - 1]));
      w.writeBytes(java.util.Arrays.copyOfRange(tags, i * tagLength, (i + 1) * tagLength));
    }
  }

  /**
   * Decodes a whole signature frame's plaintext ([SM-AUTH-1]).
   *
   * @param tagLength {@code Nt} of the meeting's SFrame suite
   * @throws DecodeException if the version is not 1, the count is outside 1..{@value #MAX_ENTRIES},
   *     a CTR delta is 0 or non-minimal or overflows 64 bits, the signature is longer than 1,024
   *     bytes, the bytes end early or bytes follow the signature
   */
  public static TagSignatureFrame decode(byte[] payload, int tagLength) throws DecodeException {
    Objects.requireNonNull(payload, "payload");
    TlsReader r = TlsReader.of(payload);
    int version = r.readUint8();
    if (version != VERSION) {
      throw new DecodeException("tag signature frame: version " + version + ", expected 1");
    }
    long kid = r.readUint64();
    long stream = r.readUint32();
    long seq = r.readUint32();
    long first = r.readUint64();
    int count = r.readUint16();
    if (count < 1 || count > MAX_ENTRIES) {
      throw new DecodeException("tag signature frame: count " + count + " outside 1.."
          + MAX_ENTRIES);
    }
    if (r.remaining() < count * tagLength) {
      throw new DecodeException("tag signature frame: " + count + " entries in "
          + r.remaining() + " bytes");
    }
    long[] ctrs = new long[count];
    byte[] tags = new byte[count * tagLength];
    ctrs[0] = first;
    System.arraycopy(r.readBytes(tagLength), 0, tags, 0, tagLength);
    for (int i = 1; i < count; i++) {
      int delta = r.readVarint();
      long ctr = ctrs[i - 1] + delta;
      if (delta < 1 || Long.compareUnsigned(ctr, ctrs[i - 1]) <= 0) {
        throw new DecodeException("tag signature frame: entry " + i
            + " does not increase the CTR within 64 bits");
      }
      ctrs[i] = ctr;
      System.arraycopy(r.readBytes(tagLength), 0, tags, i * tagLength, tagLength);
    }
    byte[] signature = r.readOpaque();
    if (signature.length == 0 || signature.length > MAX_SIGNATURE) {
      throw new DecodeException("tag signature frame: signature of " + signature.length
          + " bytes, expected 1.." + MAX_SIGNATURE);
    }
    r.finish();
    return new TagSignatureFrame(kid, stream, seq, ctrs, tags, tagLength, signature);
  }

  /** Whether {@code other} has the same bytes (the same statement and signature). */
  public boolean sameAs(TagSignatureFrame other) {
    return kid == other.kid && stream == other.stream && seq == other.seq
        && tagLength == other.tagLength
        && java.util.Arrays.equals(ctrs, other.ctrs) && MessageDigest.isEqual(tags, other.tags)
        && MessageDigest.isEqual(signature, other.signature);
  }

  /** A copy of the CTRs. */
  @Override
  public long[] ctrs() {
    return ctrs.clone();
  }

  /** A copy of the tags. */
  @Override
  public byte[] tags() {
    return tags.clone();
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Record equality would compare array identities: this compares contents ({@link #sameAs}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TagSignatureFrame && sameAs((TagSignatureFrame) o);
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Long.hashCode(kid) * 31 + java.util.Arrays.hashCode(ctrs);
  }

  /** KID, stream, CTR range and count; no tags (they are public, but long). */
  @Override
  public String toString() {
    return "TagSignatureFrame[kid=0x" + Long.toHexString(kid) + ", stream " + stream + ", seq "
        + seq + ", ctr "
        + Long.toUnsignedString(ctrs[0]) + ".." + Long.toUnsignedString(ctrs[ctrs.length - 1])
        + ", " + ctrs.length + " entries]";
  }
}
