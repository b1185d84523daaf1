package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.schedule.PskInput;
import dev.sealmeet.mls.schedule.PskSecret;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code psk_secret.json} (test-vectors.md "Pre-Shared Keys"): the {@code psk_secret} chain of RFC 9420
 * §8.4 over external PSKs.
 */
public final class PskSecretFamily implements VectorFamily {
  /** PSKType external (RFC 9420 §8.4). */
  private static final int PSK_TYPE_EXTERNAL = 1;

  @Override
  public String name() {
    return "mls/psk_secret";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return ScheduleVectors.fileName(relativePath).equals("psk_secret.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, PskSecretFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) {
    List<PskInput> inputs = new ArrayList<>();
    for (JsonNode psk : c.get("psks").elements()) {
      inputs.add(new PskInput(externalPskId(psk.hex("psk_id"), psk.hex("psk_nonce")),
          Secret.copyOf(psk.hex("psk"))));
    }
    PskSecret secret = PskSecret.compute(suite, inputs);
    m.secret("psk_secret", c.hex("psk_secret"), secret.copySecret());
    secret.destroy();
  }

  /** PreSharedKeyID {psktype = external; psk_id&lt;V&gt;; psk_nonce&lt;V&gt;} (RFC 9420 §8.4). */
  static byte[] externalPskId(byte[] pskId, byte[] pskNonce) {
    return new TlsWriter()
        .writeUint8(PSK_TYPE_EXTERNAL)
        .writeOpaque(pskId)
        .writeOpaque(pskNonce)
        .toByteArray();
  }
}
