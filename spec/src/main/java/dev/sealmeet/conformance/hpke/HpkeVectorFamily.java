package dev.sealmeet.conformance.hpke;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.hpke.Hpke;
import dev.sealmeet.crypto.hpke.HpkeContext;
import dev.sealmeet.crypto.hpke.HpkeKnownAnswers;
import dev.sealmeet.crypto.hpke.HpkeMode;
import dev.sealmeet.crypto.hpke.HpkeReceiverContext;
import dev.sealmeet.crypto.hpke.HpkeSenderContext;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9180 test vectors ({@code hpke/test-vectors.json}, format of the CFRG repository): for each
 * case, the derived key pairs, {@code enc}, {@code shared_secret}, the key schedule ({@code
 * key_schedule_context}, {@code secret}, {@code key}, {@code base_nonce}, {@code exporter_secret}) on
 * both sides, every encryption (nonce, ciphertext, and decryption back) and every export on both
 * sides. Cases whose KEM, KDF or AEAD we do not support are skipped naming the id.
 */
public final class HpkeVectorFamily implements VectorFamily {

  @Override
  public String name() {
    return "hpke/rfc9180";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String path = "/" + relativePath;
    return path.endsWith("/test-vectors.json") && path.contains("/hpke/");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      results.add(runCase(i, cases.get(i)));
    }
    return results;
  }

  private static CaseResult runCase(int index, JsonNode c) {
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
      List<String> mismatches = check(hpke, c);
      return mismatches.isEmpty()
          ? CaseResult.passed(name)
          : CaseResult.failed(name, "differs: " + String.join(", ", mismatches));
    } catch (SealmeetException | RuntimeException e) {
      return CaseResult.failed(name, e);
    }
  }

  private static List<String> check(Hpke hpke, JsonNode c) throws SealmeetException {
    List<String> bad = new ArrayList<>();
    HpkeMode mode = HpkeMode.fromId(c.integer("mode"));
    byte[] info = c.hex("info");
    byte[] psk = mode.usesPsk() ? c.hex("psk") : new byte[0];
    byte[] pskId = mode.usesPsk() ? c.hex("psk_id") : new byte[0];

    RawKeyPair e = hpke.deriveKeyPair(c.hex("ikmE"));
    RawKeyPair r = hpke.deriveKeyPair(c.hex("ikmR"));
    compare(bad, "skEm", c.hex("skEm"), e.privateKey());
    compare(bad, "pkEm", c.hex("pkEm"), e.publicKey());
    compare(bad, "skRm", c.hex("skRm"), r.privateKey());
    compare(bad, "pkRm", c.hex("pkRm"), r.publicKey());
    compare(bad, "pk(skRm)", c.hex("pkRm"), hpke.publicKey(c.hex("skRm")));
    byte[] skS = null;
    byte[] pkS = null;
    if (mode.usesSenderKey()) {
      RawKeyPair s = hpke.deriveKeyPair(c.hex("ikmS"));
      compare(bad, "skSm", c.hex("skSm"), s.privateKey());
      compare(bad, "pkSm", c.hex("pkSm"), s.publicKey());
      skS = c.hex("skSm");
      pkS = c.hex("pkSm");
    }

    // Sender and receiver both start from the vector's keys, so a key-derivation bug above cannot
    // hide or cause a mismatch below.
    RawKeyPair ephemeral = new RawKeyPair(c.hex("skEm"), c.hex("pkEm"));
    HpkeSenderContext sender =
        HpkeKnownAnswers.setupSenderWithEphemeral(hpke, mode, c.hex("pkRm"), info, psk, pskId, skS, ephemeral);
    compare(bad, "enc", c.hex("enc"), sender.enc());
    HpkeReceiverContext receiver =
        hpke.setupReceiver(mode, c.hex("enc"), c.hex("skRm"), info, psk, pskId, pkS);

    Secret shared = hpke.decapsulate(c.hex("enc"), c.hex("skRm"), pkS);
    compare(bad, "shared_secret", c.hex("shared_secret"), shared.copyBytes());
    compare(bad, "secret", c.hex("secret"),
        HpkeKnownAnswers.keyScheduleSecret(hpke, c.hex("shared_secret"), psk).copyBytes());
    shared.destroy();

    checkSchedule(bad, "sender", c, sender, hpke);
    checkSchedule(bad, "receiver", c, receiver, hpke);

    List<JsonNode> encryptions = c.get("encryptions").elements();
    for (int i = 0; i < encryptions.size(); i++) {
      JsonNode enc = encryptions.get(i);
      String at = "encryptions[" + i + "].";
      compare(bad, at + "nonce (sender)", enc.hex("nonce"), HpkeKnownAnswers.nextNonce(sender).copyBytes());
      compare(bad, at + "nonce (receiver)", enc.hex("nonce"), HpkeKnownAnswers.nextNonce(receiver).copyBytes());
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
    sender.destroy();
    receiver.destroy();
    return bad;
  }

  private static void checkSchedule(
      List<String> bad, String side, JsonNode c, HpkeContext ctx, Hpke hpke) {
    compare(bad, "key_schedule_context (" + side + ")", c.hex("key_schedule_context"),
        ctx.keyScheduleContext());
    compare(bad, "exporter_secret (" + side + ")", c.hex("exporter_secret"),
        HpkeKnownAnswers.exporterSecret(ctx).copyBytes());
    // The export-only AEAD has no key or nonce: the vectors give them as empty strings.
    compare(bad, "key (" + side + ")", c.hex("key"), HpkeKnownAnswers.aeadKey(ctx).copyBytes());
    compare(bad, "base_nonce (" + side + ")", c.hex("base_nonce"), HpkeKnownAnswers.baseNonce(ctx).copyBytes());
  }

  private static void compare(List<String> bad, String field, byte[] expected, byte[] actual) {
    if (!MessageDigest.isEqual(expected, actual)) {
      bad.add(field);
    }
  }
}
