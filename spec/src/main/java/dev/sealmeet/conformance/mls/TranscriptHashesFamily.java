package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AuthenticatedContent;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.schedule.TranscriptHashes;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code transcript-hashes.json} (test-vectors.md "Transcript Hashes"): the AuthenticatedContent is a
 * commit whose confirmation tag is MAC(confirmation_key, confirmed_transcript_hash_after), and both
 * transcript hashes after it (RFC 9420 §8.2).
 */
public final class TranscriptHashesFamily implements VectorFamily {
  @Override
  public String name() {
    return "mls/transcript-hashes";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("transcript-hashes.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, TranscriptHashesFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    AuthenticatedContent content = TlsReader.decodeExactly(
        c.hex("authenticated_content"), AuthenticatedContent::decode);
    if (content.content().contentType() != ContentType.COMMIT) {
      m.isTrue("authenticated_content carries a commit", false);
      return;
    }
    byte[] tag = content.auth().confirmationTag().orElseThrow();
    byte[] expectedTag = suite.primitives().mac(
        c.hex("confirmation_key"), c.hex("confirmed_transcript_hash_after"));
    m.isTrue("confirmation_tag is MAC(confirmation_key, confirmed_transcript_hash_after)",
        MessageDigest.isEqual(expectedTag, tag));

    TranscriptHashes before =
        new TranscriptHashes(new byte[0], c.hex("interim_transcript_hash_before"));
    TranscriptHashes after = before.next(suite, content.confirmedTranscriptHashInput(), tag);
    m.bytes("confirmed_transcript_hash_after", c.hex("confirmed_transcript_hash_after"),
        after.confirmed());
    m.bytes("interim_transcript_hash_after", c.hex("interim_transcript_hash_after"),
        after.interim());
  }
}
