package dev.sealmeet.conformance.hpke;

import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.hpke.Hpke;
import dev.sealmeet.crypto.hpke.HpkeKnownAnswers;
import dev.sealmeet.error.SealmeetException;
import java.util.ArrayList;
import java.util.List;

/**
 * The X-Wing KEM vectors of draft-connolly-cfrg-xwing-kem ({@code xwing/test-vectors.json}, valid
 * from draft-05 on; SHA-256 pinned in {@code official-vectors.pins}), run against the HPKE KEM
 * MLKEM768-X25519 (0x647a), which is X-Wing. Per case: {@code sk} is the {@code seed}
 * (GenerateKeyPairDerand), {@code pk} is derived from it, EncapsulateDerand(pk, eseed) gives {@code
 * ct} and {@code ss}, and Decapsulate(ct, sk) gives {@code ss} again.
 */
public final class XWingVectorFamily implements VectorFamily {
  /** X-Wing's HPKE KEM id; the KDF and AEAD of the configuration play no part in the KEM. */
  private static final int X_WING = 0x647a;

  @Override
  public String name() {
    return "xwing";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return ("/" + relativePath).endsWith("/xwing/test-vectors.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      String name = "X-Wing / case " + i;
      try {
        List<String> bad = check(Hpke.of(X_WING, 0x0001, 0x0001), cases.get(i));
        results.add(bad.isEmpty()
            ? CaseResult.passed(name)
            : CaseResult.failed(name, "differs: " + String.join(", ", bad)));
      } catch (SealmeetException | RuntimeException e) {
        results.add(CaseResult.failed(name, e));
      }
    }
    return results;
  }

  private static List<String> check(Hpke xWing, JsonNode c) throws SealmeetException {
    List<String> bad = new ArrayList<>();
    HpkeChecks.compare(bad, "sk", c.hex("seed"), c.hex("sk"));
    HpkeChecks.compare(bad, "pk", c.hex("pk"), xWing.publicKey(c.hex("seed")));
    // Encapsulation and decapsulation start from the vector's keys, so a key-derivation bug above
    // cannot hide or cause a mismatch below.
    HpkeKnownAnswers.KemOutput encapsulated =
        HpkeKnownAnswers.encapsulateDerandomized(xWing, c.hex("pk"), c.hex("eseed"));
    HpkeChecks.compare(bad, "ct", c.hex("ct"), encapsulated.enc());
    HpkeChecks.compare(bad, "ss (encapsulate)", c.hex("ss"),
        encapsulated.sharedSecret().copyBytes());
    encapsulated.sharedSecret().destroy();
    Secret decapsulated = xWing.decapsulate(c.hex("ct"), c.hex("sk"), null);
    HpkeChecks.compare(bad, "ss (decapsulate)", c.hex("ss"), decapsulated.copyBytes());
    decapsulated.destroy();
    return bad;
  }
}
