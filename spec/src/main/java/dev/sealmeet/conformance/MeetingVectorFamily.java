package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.SecurityCode;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code meeting/meeting-keys.json} and {@code meeting-more/ctr-suites.json} (same layout): the
 * Sealmeet meeting layer ({@code spec/protocol.md}) from an epoch's {@code exporter_secret} and
 * {@code epoch_authenticator} to what goes on the wire. Per epoch: {@code base_key =
 * MLS-Exporter("SFrame 1.0 Base Key", "", Nk)} (RFC 9420 §8.5, RFC 9605 §5.2) and the security
 * code; per sender: the KID (epoch low E bits, leaf index above them), the SFrame key and salt
 * (RFC 9605 §4.4.2); per frame: the protected bytes at a given CTR (§4.4.3), which must also open
 * again.
 */
public final class MeetingVectorFamily implements VectorFamily {
  @Override
  public String name() {
    return "meeting/keys";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String name = VectorFamily.fileName(relativePath);
    return name.equals("meeting-keys.json") || name.equals("ctr-suites.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> out = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      String name;
      try {
        name = "mls suite " + c.integer("cipher_suite") + ", sframe suite "
            + c.integer("sframe_cipher_suite") + ", E " + c.integer("epoch_bits") + " / case " + i;
      } catch (RuntimeException e) {
        out.add(CaseResult.failed("case " + i, "malformed case: " + e.getMessage()));
        continue;
      }
      try {
        List<String> mismatches = check(c);
        out.add(mismatches.isEmpty() ? CaseResult.passed(name)
            : CaseResult.failed(name, "mismatch in " + String.join(", ", mismatches)));
      } catch (SealmeetException | RuntimeException e) {
        out.add(CaseResult.failed(name, e));
      }
    }
    return out;
  }

  private static List<String> check(JsonNode c) throws SealmeetException {
    MlsSuite mls = MlsSuite.of(c.integer("cipher_suite"), new SecureRandom());
    SframeSuite sframe = SframeSuite.fromId(c.integer("sframe_cipher_suite"));
    KidLayout layout = new KidLayout(c.integer("epoch_bits"));
    List<String> bad = new ArrayList<>();
    for (JsonNode e : c.get("epochs").elements()) {
      long epoch = e.get("epoch").asLong();
      String at = "epoch " + epoch + " ";
      byte[] baseKey = baseKey(mls, sframe, e.hex("exporter_secret"));
      expect(bad, at + "base_key", e.hex("base_key"), baseKey);
      if (!SecurityCode.of(e.hex("epoch_authenticator")).equals(e.string("security_code"))) {
        bad.add(at + "security_code");
      }
      for (JsonNode s : e.get("senders").elements()) {
        long leaf = s.get("leaf_index").asLong();
        String who = at + "leaf " + leaf + " ";
        long kid = layout.kid(epoch, leaf);
        if (kid != s.get("kid").asLong()) {
          bad.add(who + "kid");
        }
        SframeKeyMaterial keys = SframeKeySchedule.derive(sframe, kid, Secret.copyOf(baseKey));
        expect(bad, who + "sframe_key", s.hex("sframe_key"), keys.key().copyBytes());
        expect(bad, who + "sframe_salt", s.hex("sframe_salt"), keys.salt().copyBytes());
        keys.destroy();
        for (JsonNode f : s.get("frames").elements()) {
          long ctr = f.get("ctr").asLong();
          byte[] metadata = f.hex("metadata");
          byte[] frame = protect(sframe, kid, baseKey, ctr, metadata, f.hex("plaintext"));
          expect(bad, who + "ctr " + ctr + " protected", f.hex("protected"), frame);
          try (SframeReceiver receiver = new SframeReceiver(sframe)) {
            receiver.addKey(kid, Secret.copyOf(baseKey));
            expect(bad, who + "ctr " + ctr + " unprotected", f.hex("plaintext"),
                receiver.unprotect(metadata, f.hex("protected")));
          }
        }
      }
      Arrays.fill(baseKey, (byte) 0);
    }
    return bad;
  }

  /** {@code MLS-Exporter("SFrame 1.0 Base Key", "", Nk)} from an epoch's exporter secret. */
  static byte[] baseKey(MlsSuite mls, SframeSuite sframe, byte[] exporterSecret) {
    byte[] derived = mls.deriveSecret(exporterSecret, MediaProtector.EXPORTER_LABEL);
    return mls.expandWithLabel(derived, "exported", mls.primitives().hash(new byte[0]),
        sframe.keyLength());
  }

  /** One frame protected under {@code kid} at counter {@code ctr}. */
  static byte[] protect(SframeSuite sframe, long kid, byte[] baseKey, long ctr, byte[] metadata,
      byte[] plaintext) {
    try (SframeSender sender = new SframeSender(sframe)) {
      sender.addKey(kid, Secret.copyOf(baseKey), ctr);
      return sender.protect(kid, metadata, plaintext);
    }
  }

  private static void expect(List<String> bad, String field, byte[] expected, byte[] actual) {
    if (!Arrays.equals(expected, actual)) {
      bad.add(field);
    }
  }
}
