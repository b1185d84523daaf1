package dev.sealmeet.conformance.hpke;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.hpke.Hpke;
import dev.sealmeet.crypto.hpke.HpkeKnownAnswers;
import dev.sealmeet.crypto.hpke.HpkeMode;
import dev.sealmeet.crypto.hpke.HpkeReceiverContext;
import dev.sealmeet.crypto.hpke.HpkeSenderContext;
import dev.sealmeet.error.SealmeetException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of draft-ietf-hpke-pq ({@code hpke-pq/test-vectors.json}, hpkewg/hpke-pq; SHA-256
 * pinned in {@code official-vectors.pins}): ML-KEM, PQ/T hybrid and DHKEM cases, some with the
 * single-stage SHAKE and TurboSHAKE KDFs. The layout is RFC 9180's without the ephemeral key pair and
 * the key-schedule intermediates, so this family checks the receiver's key pair from {@code ikmR}
 * (the private key is a seed), {@code enc} from the encapsulation randomness {@code ikmE}, {@code
 * shared_secret}, {@code key}, {@code base_nonce}, {@code exporter_secret}, every encryption and every
 * export, on both sides. Cases whose KEM, KDF or AEAD we do not offer are skipped naming the id.
 */
public final class HpkePqVectorFamily implements VectorFamily {

  @Override
  public String name() {
    return "hpke/pq";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String path = "/" + relativePath;
    return path.endsWith("/test-vectors.json") && path.contains("/hpke-pq/");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return HpkeChecks.runCases(content, HpkePqVectorFamily::check);
  }

  private static List<String> check(Hpke hpke, JsonNode c) throws SealmeetException {
    List<String> bad = new ArrayList<>();
    HpkeMode mode = HpkeMode.fromId(c.integer("mode"));
    if (mode.usesSenderKey()) {
      // The draft's KEMs have no auth modes; a DHKEM case in an auth mode would need skSm.
      throw new IllegalArgumentException("auth-mode case in the hpke-pq format: " + mode);
    }
    byte[] info = c.hex("info");
    byte[] psk = mode.usesPsk() ? c.hex("psk") : new byte[0];
    byte[] pskId = mode.usesPsk() ? c.hex("psk_id") : new byte[0];

    RawKeyPair r = hpke.deriveKeyPair(c.hex("ikmR"));
    HpkeChecks.compare(bad, "skRm", c.hex("skRm"), r.privateKey());
    HpkeChecks.compare(bad, "pkRm", c.hex("pkRm"), r.publicKey());
    HpkeChecks.compare(bad, "pk(skRm)", c.hex("pkRm"), hpke.publicKey(c.hex("skRm")));

    // Both sides start from the vector's values, so a key-derivation bug above cannot hide or
    // cause a mismatch below.
    HpkeSenderContext sender = HpkeKnownAnswers.setupSenderDerandomized(
        hpke, mode, c.hex("pkRm"), info, psk, pskId, null, c.hex("ikmE"));
    HpkeChecks.compare(bad, "enc", c.hex("enc"), sender.enc());
    HpkeReceiverContext receiver =
        hpke.setupReceiver(mode, c.hex("enc"), c.hex("skRm"), info, psk, pskId, null);
    Secret shared = hpke.decapsulate(c.hex("enc"), c.hex("skRm"), null);
    HpkeChecks.compare(bad, "shared_secret", c.hex("shared_secret"), shared.copyBytes());
    shared.destroy();

    HpkeChecks.schedule(bad, "sender", c, sender);
    HpkeChecks.schedule(bad, "receiver", c, receiver);
    HpkeChecks.encryptions(bad, c, sender, receiver);
    HpkeChecks.exports(bad, c, sender, receiver);
    sender.destroy();
    receiver.destroy();
    return bad;
  }
}
