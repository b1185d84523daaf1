package dev.sealmeet.sframe.auth;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The plaintext of a signature frame (spec §2.7, [SM-AUTH-1]): the (CTR, tag) of up to {@value
 * #MAX_ENTRIES} frames a sender protected under one KID, in one section per stream, and one
 * signature over them all. It travels SFrame-protected with the metadata {@link #METADATA}.
 *
 * <pre>
 * uint8 version = 1; uint64 kid; uint32 seq; uint8 section_count (1..64);
 * { uint32 stream; uint64 first_ctr; uint16 count (1..256); opaque first_tag[Nt];
 *   { varint ctr_delta (≥ 1); opaque tag[Nt]; } rest[count - 1]; } sections[section_count];
 * opaque signature&lt;V&gt;
 * </pre>
 *
 * <p>The entries are held flat, section after section: entry {@code i} is the {@code i}-th over
 * all sections.
 *
 * @param kid the KID of the frames listed
 * @param seq the statement's number among the sender's statements for {@code kid}, from 0 (a
 *     uint32): a gap tells a receiver a statement was lost ([SM-AUTH-5])
 * @param streams each section's stream id (a uint32); copied
 * @param counts each section's number of entries (1 to 256); copied
 * @param ctrs the CTRs listed, strictly increasing (unsigned) within a section; copied
 * @param tags their tags, {@code ctrs.length × tagLength} bytes in the same order; copied
 * @param tagLength {@code Nt} of the SFrame suite (RFC 9605 §4.5)
 * @param signature the signature over {@link #toBeSigned}, or empty before signing; copied
 */
public record TagSignatureFrame(long kid, long seq, long[] streams, int[] counts, long[] ctrs,
    byte[] tags, int tagLength, byte[] signature) {
  /** Largest number of entries in one frame, over all its sections. */
  public static final int MAX_ENTRIES = 1024;

  /** Largest number of entries in one section. */
  public static final int MAX_SECTION_ENTRIES = 256;

  /** Largest number of sections (streams) in one frame. */
  public static final int MAX_SECTIONS = 64;

  /** The label of {@code SignWithLabel} and the SFrame metadata of signature frames. */
  public static final String LABEL = "sealmeet sframe tags v1";

  /** {@link #LABEL} in ASCII: the SFrame metadata a signature frame is protected with. */
  public static final byte[] METADATA = LABEL.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static final int VERSION = 1;
  /**
   * Longest signature accepted: room for every MLS suite's leaf signatures, ML-DSA-87's 4,627
   * bytes (FIPS 204) included.
   */
  public static final int MAX_SIGNATURE = 8192;

  /** Copies the arrays and checks the sections and entries as {@link #decode} does. */
  public TagSignatureFrame {
    streams = streams.clone();
    counts = counts.clone();
    ctrs = ctrs.clone();
    tags = tags.clone();
    signature = signature.clone();
    if (seq < 0 || seq > 0xffffffffL) {
      throw new IllegalArgumentException("seq must be a uint32");
    }
    if (streams.length < 1 || streams.length > MAX_SECTIONS || counts.length != streams.length) {
      throw new IllegalArgumentException("1.." + MAX_SECTIONS + " sections expected, got "
          + streams.length + " streams and " + counts.length + " counts");
    }
    if (tagLength < 1 || ctrs.length < 1 || ctrs.length > MAX_ENTRIES
        || tags.length != ctrs.length * tagLength) {
      throw new IllegalArgumentException("1.." + MAX_ENTRIES + " entries of " + tagLength
          + "-byte tags expected, got " + ctrs.length + " CTRs and " + tags.length + " tag bytes");
    }
    int at = 0;
    for (int section = 0; section < streams.length; section++) {
      if (streams[section] < 0 || streams[section] > 0xffffffffL) {
        throw new IllegalArgumentException("stream must be a uint32");
      }
      if (counts[section] < 1 || counts[section] > MAX_SECTION_ENTRIES) {
        throw new IllegalArgumentException("a section lists 1.." + MAX_SECTION_ENTRIES
            + " entries");
      }
      for (int i = at + 1; i < at + counts[section]; i++) {
        long delta = ctrs[i] - ctrs[i - 1];
        if (Long.compareUnsigned(ctrs[i], ctrs[i - 1]) <= 0 || delta > TlsWriter.MAX_VARINT) {
          throw new IllegalArgumentException("CTRs must increase by 1.." + TlsWriter.MAX_VARINT);
        }
      }
      at += counts[section];
    }
    if (at != ctrs.length) {
      throw new IllegalArgumentException("the sections list " + at + " entries, not "
          + ctrs.length);
    }
  }

  /** One stream's entries, for {@link #of}. */
  public record Section(long stream, long[] ctrs, byte[] tags) {}

  /** A statement of {@code sections}, in order, unsigned. */
  public static TagSignatureFrame of(long kid, long seq, java.util.List<Section> sections,
      int tagLength) {
    int entries = 0;
    for (Section s : sections) {
      entries += s.ctrs().length;
    }
    long[] streams = new long[sections.size()];
    int[] counts = new int[sections.size()];
    long[] ctrs = new long[entries];
    byte[] tags = new byte[entries * tagLength];
    int at = 0;
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      streams[i] = s.stream();
      counts[i] = s.ctrs().length;
      System.arraycopy(s.ctrs(), 0, ctrs, at, counts[i]);
      System.arraycopy(s.tags(), 0, tags, at * tagLength, counts[i] * tagLength);
      at += counts[i];
    }
    return new TagSignatureFrame(kid, seq, streams, counts, ctrs, tags, tagLength, new byte[0]);
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
    return new TagSignatureFrame(kid, seq, streams, counts, ctrs, tags, tagLength, value);
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
    return 14 + streams.length * 14 + ctrs.length * (tagLength + 4);
  }

  private void writeBody(TlsWriter w) {
    w.writeUint8(VERSION).writeUint64(kid).writeUint32(seq).writeUint8(streams.length);
    int at = 0;
    for (int section = 0; section < streams.length; section++) {
      w.writeUint32(streams[section]).writeUint64(ctrs[at]).writeUint16(counts[section]);
      w.writeBytes(java.util.Arrays.copyOfRange(tags, at * tagLength, (at + 1) * tagLength));
      for (int i = at + 1; i < at + counts[section]; i++) {
        w.writeVarint((int) (ctrs[i] - ctrs[i - 1]));
        w.writeBytes(java.util.Arrays.copyOfRange(tags, i * tagLength, (i + 1) * tagLength));
      }
      at += counts[section];
    }
  }

  /**
   * Decodes a whole signature frame's plaintext ([SM-AUTH-1]).
   *
   * @param tagLength {@code Nt} of the meeting's SFrame suite
   * @throws DecodeException if the version is not 1, the section count is outside 1..{@value
   *     #MAX_SECTIONS}, a section's count outside 1..{@value #MAX_SECTION_ENTRIES} or the total
   *     above {@value #MAX_ENTRIES}, a CTR delta is 0 or non-minimal or overflows 64 bits, the
   *     signature is empty or longer than {@value #MAX_SIGNATURE} bytes, the bytes end early or bytes follow the
   *     signature
   */
  public static TagSignatureFrame decode(byte[] payload, int tagLength) throws DecodeException {
    Objects.requireNonNull(payload, "payload");
    TlsReader r = TlsReader.of(payload);
    int version = r.readUint8();
    if (version != VERSION) {
      throw new DecodeException("tag signature frame: version " + version + ", expected 1");
    }
    long kid = r.readUint64();
    long seq = r.readUint32();
    int sections = r.readUint8();
    if (sections < 1 || sections > MAX_SECTIONS) {
      throw new DecodeException("tag signature frame: " + sections + " sections, expected 1.."
          + MAX_SECTIONS);
    }
    long[] streams = new long[sections];
    int[] counts = new int[sections];
    int room = Math.min(MAX_ENTRIES, r.remaining() / tagLength); // no entry is shorter than a tag
    long[] ctrs = new long[room];
    byte[] tags = new byte[room * tagLength];
    int at = 0;
    for (int section = 0; section < sections; section++) {
      streams[section] = r.readUint32();
      long first = r.readUint64();
      int count = r.readUint16();
      if (count < 1 || count > MAX_SECTION_ENTRIES || at + count > MAX_ENTRIES) {
        throw new DecodeException("tag signature frame: section entry count " + count + " after "
            + at + " (1.." + MAX_SECTION_ENTRIES + " each, " + MAX_ENTRIES + " in all)");
      }
      if (r.remaining() < count * tagLength) {
        throw new DecodeException("tag signature frame: " + count + " entries in "
            + r.remaining() + " bytes");
      }
      counts[section] = count;
      ctrs[at] = first;
      System.arraycopy(r.readBytes(tagLength), 0, tags, at * tagLength, tagLength);
      for (int i = at + 1; i < at + count; i++) {
        int delta = r.readVarint();
        long ctr = ctrs[i - 1] + delta;
        if (delta < 1 || Long.compareUnsigned(ctr, ctrs[i - 1]) <= 0) {
          throw new DecodeException("tag signature frame: entry " + i
              + " does not increase the CTR within 64 bits");
        }
        ctrs[i] = ctr;
        System.arraycopy(r.readBytes(tagLength), 0, tags, i * tagLength, tagLength);
      }
      at += count;
    }
    byte[] signature = r.readOpaque();
    if (signature.length == 0 || signature.length > MAX_SIGNATURE) {
      throw new DecodeException("tag signature frame: signature of " + signature.length
          + " bytes, expected 1.." + MAX_SIGNATURE);
    }
    r.finish();
    return new TagSignatureFrame(kid, seq, streams, counts, java.util.Arrays.copyOf(ctrs, at),
        java.util.Arrays.copyOf(tags, at * tagLength), tagLength, signature);
  }

  /** Whether {@code other} has the same bytes (the same statement and signature). */
  public boolean sameAs(TagSignatureFrame other) {
    return kid == other.kid && seq == other.seq && tagLength == other.tagLength
        && java.util.Arrays.equals(streams, other.streams)
        && java.util.Arrays.equals(counts, other.counts)
        && java.util.Arrays.equals(ctrs, other.ctrs) && MessageDigest.isEqual(tags, other.tags)
        && MessageDigest.isEqual(signature, other.signature);
  }

  /** A copy of each section's stream id. */
  @Override
  public long[] streams() {
    return streams.clone();
  }

  /** A copy of each section's number of entries. */
  @Override
  public int[] counts() {
    return counts.clone();
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

  /** KID, number, sections and entries; no tags (they are public, but long). */
  @Override
  public String toString() {
    return "TagSignatureFrame[kid=0x" + Long.toHexString(kid) + ", seq " + seq + ", "
        + streams.length + " sections, " + ctrs.length + " entries]";
  }
}
