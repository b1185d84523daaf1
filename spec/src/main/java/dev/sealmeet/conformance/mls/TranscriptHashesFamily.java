package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * {@code transcript-hashes.json} (test-vectors.md "Transcript Hashes"): the confirmation tag of the
 * commit and both transcript hashes after it (RFC 9420 §8.2).
 */
public final class TranscriptHashesFamily implements VectorFamily {
  /** ContentType commit (RFC 9420 §6). */
  private static final int CONTENT_TYPE_COMMIT = 3;

  @Override
  public String name() {
    return "mls/transcript-hashes";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return ScheduleVectors.fileName(relativePath).equals("transcript-hashes.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, TranscriptHashesFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    byte[] authenticatedContent = c.hex("authenticated_content");
    CommitSplit split = CommitSplit.of(authenticatedContent, suite.hashLength());
    m.isTrue("authenticated_content carries a commit", split.contentType == CONTENT_TYPE_COMMIT);

    byte[] confirmed = TranscriptHashes.confirmedHash(
        suite, c.hex("interim_transcript_hash_before"), split.confirmedInput);
    m.bytes("confirmed_transcript_hash_after", c.hex("confirmed_transcript_hash_after"), confirmed);

    byte[] key = c.hex("confirmation_key");
    byte[] expectedTag = suite.suite().mac(key, c.hex("confirmed_transcript_hash_after"));
    Arrays.fill(key, (byte) 0);
    m.isTrue("confirmation_tag is MAC(confirmation_key, confirmed_transcript_hash_after)",
        MessageDigest.isEqual(expectedTag, split.confirmationTag));

    m.bytes("interim_transcript_hash_after", c.hex("interim_transcript_hash_after"),
        TranscriptHashes.interimHash(suite, confirmed, split.confirmationTag));
  }

  /**
   * Splits an encoded AuthenticatedContent of a commit into ConfirmedTranscriptHashInput (everything
   * before the confirmation tag) and the tag. Temporary: replaced by the mls.message
   * AuthenticatedContent decoder. Reads the FramedContent header for the content type; relies on the
   * tag being the final {@code opaque<V>} of length {@code Nh} (it is a MAC).
   */
  private static final class CommitSplit {
    int contentType;
    byte[] confirmedInput;
    byte[] confirmationTag;

    static CommitSplit of(byte[] encoded, int macLength) throws DecodeException {
      TlsReader r = TlsReader.of(encoded);
      r.readUint16(); // wire_format
      r.readOpaque(); // group_id
      r.readUint64(); // epoch
      int senderType = r.readUint8();
      if (senderType == 1 || senderType == 2) {
        r.readUint32(); // leaf_index / sender_index
      }
      r.readOpaque(); // authenticated_data
      CommitSplit split = new CommitSplit();
      split.contentType = r.readUint8();
      byte[] prefix = new TlsWriter().writeVarint(macLength).toByteArray();
      int tagStart = encoded.length - macLength;
      int prefixStart = tagStart - prefix.length;
      if (prefixStart < r.offset()
          || !Arrays.equals(prefix, Arrays.copyOfRange(encoded, prefixStart, tagStart))) {
        throw new DecodeException("AuthenticatedContent does not end with a " + macLength
            + "-byte confirmation_tag");
      }
      split.confirmedInput = Arrays.copyOf(encoded, prefixStart);
      split.confirmationTag = Arrays.copyOfRange(encoded, tagStart, encoded.length);
      return split;
    }
  }
}
