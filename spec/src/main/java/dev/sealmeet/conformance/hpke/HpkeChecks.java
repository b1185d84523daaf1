package dev.sealmeet.conformance.hpke;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.hpke.Hpke;
import dev.sealmeet.crypto.hpke.HpkeContext;
import dev.sealmeet.crypto.hpke.HpkeKnownAnswers;
import dev.sealmeet.crypto.hpke.HpkeReceiverContext;
import dev.sealmeet.crypto.hpke.HpkeSenderContext;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks both HPKE vector formats share (RFC 9180 §A layout, used again by draft-ietf-hpke-pq):
 * a context's key, base nonce and exporter secret, every encryption and every export, on the sender
 * and the receiver side. Each mismatch is added to a list under the name of its field.
 */
final class HpkeChecks {
  private HpkeChecks() {}

  /** The checks of one case against an HPKE instance of its KEM, KDF and AEAD. */
  @FunctionalInterface
  interface CaseCheck {
    /** The names of the fields that differ; empty if the case passes. */
    List<String> check(Hpke hpke, JsonNode c) throws SealmeetException;
  }

  /**
   * Runs {@code check} on every case of {@code content}, named by mode, KEM, KDF, AEAD and index: a
   * case whose KEM, KDF or AEAD is not offered is skipped naming the id, a thrown exception fails it.
   */
  static List<CaseResult> runCases(JsonNode content, CaseCheck check) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      results.add(runCase(i, cases.get(i), check));
    }
    return results;
  }

  private static CaseResult runCase(int index, JsonNode c, CaseCheck check) {
    String name = "case " + index;
    try {
      int kemId = c.integer("kem_id");
      int kdfId = c.integer("kdf_id");
      int aeadId = c.integer("aead_id");
      name = String.format(
          "mode %d / KEM 0x%04x / KDF 0x%04x / AEAD 0x%04x / case %d",
          c.integer("mode"), kemId, kdfId, aeadId, index);
      Hpke hpke;
      try {
        hpke = Hpke.of(kemId, kdfId, aeadId);
      } catch (UnsupportedException e) {
        return CaseResult.skipped(name, "unsupported: " + e.getMessage());
      }
      List<String> mismatches = check.check(hpke, c);
      return mismatches.isEmpty()
          ? CaseResult.passed(name)
          : CaseResult.failed(name, "differs: " + String.join(", ", mismatches));
    } catch (SealmeetException | RuntimeException e) {
      return CaseResult.failed(name, e);
    }
  }

  /** {@code key}, {@code base_nonce} and {@code exporter_secret} of one side's context. */
  static void schedule(List<String> bad, String side, JsonNode c, HpkeContext ctx) {
    compare(bad, "exporter_secret (" + side + ")", c.hex("exporter_secret"),
        HpkeKnownAnswers.exporterSecret(ctx).copyBytes());
    // The export-only AEAD has no key or nonce: the vectors give them as empty strings.
    compare(bad, "key (" + side + ")", c.hex("key"), HpkeKnownAnswers.aeadKey(ctx).copyBytes());
    compare(bad, "base_nonce (" + side + ")", c.hex("base_nonce"),
        HpkeKnownAnswers.baseNonce(ctx).copyBytes());
  }

  /** Every entry of {@code encryptions}: nonces, our ciphertext, and the vector's opened back. */
  static void encryptions(List<String> bad, JsonNode c, HpkeSenderContext sender,
      HpkeReceiverContext receiver) {
    List<JsonNode> encryptions = c.get("encryptions").elements();
    for (int i = 0; i < encryptions.size(); i++) {
      JsonNode enc = encryptions.get(i);
      String at = "encryptions[" + i + "].";
      compare(bad, at + "nonce (sender)", enc.hex("nonce"),
          HpkeKnownAnswers.nextNonce(sender).copyBytes());
      compare(bad, at + "nonce (receiver)", enc.hex("nonce"),
          HpkeKnownAnswers.nextNonce(receiver).copyBytes());
      byte[] ours = sender.seal(enc.hex("aad"), enc.hex("pt"));
      compare(bad, at + "ct", enc.hex("ct"), ours);
      try {
        compare(bad, at + "pt (open)", enc.hex("pt"), receiver.open(enc.hex("aad"), enc.hex("ct")));
      } catch (AuthenticationException openFailure) {
        bad.add(at + "pt (open: " + openFailure.getMessage() + ")");
        // Keep checking the later entries: advance the receiver with our own ciphertext, which
        // only opens if our sender and receiver agree.
        try {
          receiver.open(enc.hex("aad"), ours);
        } catch (AuthenticationException again) {
          bad.add("receiver out of step from encryptions[" + i + "]; later entries not checked");
          break;
        }
      }
    }
  }

  /** Every entry of {@code exports}, on both sides. */
  static void exports(List<String> bad, JsonNode c, HpkeSenderContext sender,
      HpkeReceiverContext receiver) {
    List<JsonNode> exports = c.get("exports").elements();
    for (int i = 0; i < exports.size(); i++) {
      JsonNode x = exports.get(i);
      String at = "exports[" + i + "].exported_value";
      byte[] ctx = x.hex("exporter_context");
      int length = x.integer("L");
      compare(bad, at + " (sender)", x.hex("exported_value"), sender.export(ctx, length).copyBytes());
      compare(bad, at + " (receiver)", x.hex("exported_value"),
          receiver.export(ctx, length).copyBytes());
    }
  }

  static void compare(List<String> bad, String field, byte[] expected, byte[] actual) {
    if (!MessageDigest.isEqual(expected, actual)) {
      bad.add(field);
    }
  }
}
