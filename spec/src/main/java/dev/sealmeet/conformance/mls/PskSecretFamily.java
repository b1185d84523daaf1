package dev.sealmeet.conformance.mls;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.schedule.PskInput;
import dev.sealmeet.mls.schedule.PskSecret;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code psk_secret.json} (test-vectors.md "Pre-Shared Keys"): the {@code psk_secret} chain of RFC 9420
 * §8.4 over external PSKs.
 */
public final class PskSecretFamily implements VectorFamily {
  @Override
  public String name() {
    return "mls/psk_secret";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("psk_secret.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, PskSecretFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) {
    List<PskInput> inputs = new ArrayList<>();
    for (JsonNode psk : c.get("psks").elements()) {
      inputs.add(new PskInput(new PreSharedKeyId.External(psk.hex("psk_id"), psk.hex("psk_nonce")),
          Secret.copyOf(psk.hex("psk"))));
    }
    PskSecret secret = PskSecret.compute(suite, inputs);
    m.secret("psk_secret", c.hex("psk_secret"), secret.copySecret());
    secret.destroy();
  }
}
