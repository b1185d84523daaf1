package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.sframe.SframeAead;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SFrame test vectors of RFC 9605 Appendix C ({@code sframe-wg/sframe test-vectors*.json}): header
 * encoding, the AES-CTR + HMAC AEAD alone, and whole frames, plus the post-RFC AES-256-CTR sections.
 *
 * <p>Recognises {@code test-vectors*.json} under a folder named {@code sframe}, and any JSON object whose
 * keys are all SFrame sections. Every field a case gives is checked against the code under test, and a
 * failure names every field that differs. Provisional suites (6–8) are opted in for these files.
 */
final class SframeFamily implements VectorFamily {
  private static final Set<String> SECTIONS = Set.of(
      "header", "aes_ctr_hmac", "aes_256_ctr_hmac", "sframe", "sframe_aes_256_ctr_hmac");

  private final SframeOptions options;

  /** The family over the JDK's JCE providers. */
  SframeFamily() {
    this(SframeOptions.defaults());
  }

  /**
   * The family with every AEAD, sender and receiver built with {@code options}, for example over
   * another JCE provider; provisional suites are always opted in.
   */
  SframeFamily(SframeOptions options) {
    this.options = options.withProvisionalSuites(true);
  }

  @Override
  public String name() {
    return "sframe";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String fileName = VectorFamily.fileName(relativePath);
    boolean named = fileName.startsWith("test-vectors") && fileName.endsWith(".json")
        && ("/" + relativePath).contains("/sframe/");
    if (named) {
      return true;
    }
    if (!content.isObject() || content.keys().isEmpty()) {
      return false;
    }
    return SECTIONS.containsAll(content.keys());
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    for (String section : content.keys()) {
      List<JsonNode> cases = content.get(section).elements();
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        String name = section + " / " + caseName(c, i);
        results.add(runCase(section, name, c));
      }
    }
    return results;
  }

  private static String caseName(JsonNode c, int index) {
    return c.isObject() && c.has("cipher_suite")
        ? "suite " + c.get("cipher_suite").asBigInteger() + " / case " + index
        : "case " + index;
  }

  private CaseResult runCase(String section, String name, JsonNode c) {
    switch (section) {
      case "header":
        return runChecked(name, mismatches -> checkHeader(c, mismatches));
      case "aes_ctr_hmac":
      case "aes_256_ctr_hmac":
        return runSuiteCase(name, c, this::checkAead);
      case "sframe":
      case "sframe_aes_256_ctr_hmac":
        return runSuiteCase(name, c, this::checkFrame);
      default:
        return CaseResult.skipped(name, "unknown SFrame vector section \"" + section + "\"");
    }
  }

  /** A check of one case under its suite, adding the name of every field that differs. */
  @FunctionalInterface
  interface SuiteCheck {
    /** Checks case {@code c} under {@code suite}. */
    void check(SframeSuite suite, JsonNode c, List<String> mismatches) throws SealmeetException;
  }

  /** A check without a suite. */
  @FunctionalInterface
  private interface Check {
    void check(List<String> mismatches) throws SealmeetException;
  }

  /**
   * Runs {@code check} under the case's {@code cipher_suite}. Only a suite this build does not have
   * makes the case a skip; an {@link UnsupportedException} from anywhere else is a failure.
   */
  static CaseResult runSuiteCase(String name, JsonNode c, SuiteCheck check) {
    SframeSuite suite;
    try {
      suite = SframeSuite.fromId(c.integer("cipher_suite"), true);
    } catch (UnsupportedException e) {
      return CaseResult.skipped(name, e.getMessage());
    } catch (RuntimeException e) {
      return CaseResult.failed(name, e);
    }
    return runChecked(name, mismatches -> check.check(suite, c, mismatches));
  }

  private static CaseResult runChecked(String name, Check check) {
    try {
      List<String> mismatches = new ArrayList<>();
      check.check(mismatches);
      return mismatches.isEmpty()
          ? CaseResult.passed(name)
          : CaseResult.failed(name, "differs: " + String.join(", ", mismatches));
    } catch (SealmeetException | RuntimeException e) {
      return CaseResult.failed(name, e);
    }
  }

  private static void checkHeader(JsonNode c, List<String> mismatches) throws SealmeetException {
    long kid = c.get("kid").asLong();
    long ctr = c.get("ctr").asLong();
    byte[] encoded = c.hex("encoded");
    compare("encoded", encoded, new SframeHeader(kid, ctr).encode(), mismatches);
    if (SframeHeader.encodedLength(kid, ctr) != encoded.length) {
      mismatches.add("encodedLength");
    }
    SframeHeader decoded = SframeHeader.decodeExactly(encoded);
    if (decoded.kid() != kid) {
      mismatches.add("decoded kid (" + Long.toUnsignedString(decoded.kid()) + ")");
    }
    if (decoded.ctr() != ctr) {
      mismatches.add("decoded ctr (" + Long.toUnsignedString(decoded.ctr()) + ")");
    }
  }

  private void checkAead(SframeSuite suite, JsonNode c, List<String> mismatches)
      throws SealmeetException {
    Secret key = Secret.copyOf(c.hex("key"));
    compare("enc_key", c.hex("enc_key"),
        SframeKeySchedule.encryptionSubkey(suite, key).copyBytes(), mismatches);
    compare("auth_key", c.hex("auth_key"),
        SframeKeySchedule.authenticationSubkey(suite, key).copyBytes(), mismatches);
    byte[] nonce = c.hex("nonce");
    byte[] aad = c.hex("aad");
    byte[] pt = c.hex("pt");
    byte[] ct = c.hex("ct");
    if (!SframeAead.create(suite, key, options).encryptsTo(nonce, aad, pt, ct)) {
      mismatches.add("ct (encrypt)");
    }
    compare("pt (decrypt)", pt, SframeAead.create(suite, key, options).decrypt(nonce, aad, ct),
        mismatches);
  }

  private void checkFrame(SframeSuite suite, JsonNode c, List<String> mismatches)
      throws SealmeetException {
    long kid = c.get("kid").asLong();
    long ctr = c.get("ctr").asLong();
    Secret baseKey = Secret.copyOf(c.hex("base_key"));
    byte[] metadata = c.hex("metadata");
    byte[] pt = c.hex("pt");
    byte[] ct = c.hex("ct");
    compare("sframe_key_label", c.hex("sframe_key_label"), SframeKeySchedule.keyLabel(suite, kid),
        mismatches);
    compare("sframe_salt_label", c.hex("sframe_salt_label"), SframeKeySchedule.saltLabel(suite, kid),
        mismatches);
    compare("sframe_secret", c.hex("sframe_secret"),
        SframeKeySchedule.secret(suite, baseKey).copyBytes(), mismatches);
    SframeKeyMaterial material = SframeKeySchedule.derive(suite, kid, baseKey);
    compare("sframe_key", c.hex("sframe_key"), material.key().copyBytes(), mismatches);
    compare("sframe_salt", c.hex("sframe_salt"), material.salt().copyBytes(), mismatches);
    compare("nonce", c.hex("nonce"), frameNonce(material.salt().copyBytes(), ctr), mismatches);
    byte[] header = new SframeHeader(kid, ctr).encode();
    byte[] aad = new byte[header.length + metadata.length];
    System.arraycopy(header, 0, aad, 0, header.length);
    System.arraycopy(metadata, 0, aad, header.length, metadata.length);
    compare("aad", c.hex("aad"), aad, mismatches);

    SframeSender sender = new SframeSender(suite, options);
    sender.addKey(kid, baseKey, ctr);
    compare("ct (protect)", ct, sender.protect(kid, metadata, pt), mismatches);
    SframeReceiver receiver = new SframeReceiver(suite, options);
    receiver.addKey(kid, baseKey);
    compare("pt (unprotect)", pt, receiver.unprotect(metadata, ct), mismatches);
  }

  /**
   * {@code sframe_salt XOR CTR} (RFC 9605 §4.4.3), recomputed here: the library keeps the choice of
   * nonces inside its sender and receiver, and the frame checks below cover its own computation.
   */
  private static byte[] frameNonce(byte[] salt, long ctr) {
    for (int i = 0; i < 8; i++) {
      salt[salt.length - 8 + i] ^= (byte) (ctr >>> (56 - 8 * i));
    }
    return salt;
  }

  /**
   * Names {@code field} if the values differ, with both lengths but never a value: keys, salts and
   * nonces stay out of reports even though vectors are public (issue 8 §4).
   */
  private static void compare(String field, byte[] expected, byte[] actual, List<String> mismatches) {
    // Vector data is public; the constant-time compare is only habit here.
    if (!MessageDigest.isEqual(expected, actual)) {
      mismatches.add(expected.length == actual.length
          ? field
          : field + " (expected " + expected.length + " bytes, got " + actual.length + ")");
    }
  }
}
