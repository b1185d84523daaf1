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
import dev.sealmeet.error.SealmeetException;
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
    return HpkeChecks.runCases(content, HpkeVectorFamily::check);
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

    HpkeChecks.encryptions(bad, c, sender, receiver);
    HpkeChecks.exports(bad, c, sender, receiver);
    sender.destroy();
    receiver.destroy();
    return bad;
  }

  private static void checkSchedule(
      List<String> bad, String side, JsonNode c, HpkeContext ctx, Hpke hpke) {
    compare(bad, "key_schedule_context (" + side + ")", c.hex("key_schedule_context"),
        ctx.keyScheduleContext());
    HpkeChecks.schedule(bad, side, c, ctx);
  }

  private static void compare(List<String> bad, String field, byte[] expected, byte[] actual) {
    HpkeChecks.compare(bad, field, expected, actual);
  }
}
