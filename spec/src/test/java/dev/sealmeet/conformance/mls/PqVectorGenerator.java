package dev.sealmeet.conformance.mls;

import dev.sealmeet.crypto.CipherSuite;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteDefinition;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes Sealmeet's provisional post-quantum MLS vectors, {@code spec/vectors/mls-pq/*.json}: the
 * layouts of mls-implementations' test-vectors.md for the 11 suites of
 * draft-ietf-mls-pq-ciphersuites-06 at the code points of {@link SuiteRegistry#draftPq()} (TBDn at
 * 0xF000 + n). Every input comes from a {@link SeededRandom} named after the file, suite and case,
 * and ECDSA signs with RFC 6979 nonces ({@link Rfc6979Suite}) or, in the passive-client files,
 * whose whole groups build their suites themselves, with nonces drawn by the JDK's ECDSA from the
 * case's stream (the suite's injected randomness), so every run writes the same bytes.
 *
 * <p>The outputs are computed by Sealmeet itself: no other implementation has these suites' MLS
 * layer yet, so the files pin Sealmeet's behaviour and offer other implementations something to
 * compare with, nothing more. Their building blocks are checked independently elsewhere (the HPKE
 * PQ and X-Wing vectors, ML-DSA and ML-KEM Wycheproof, and RFC 9420's own MLS vectors).
 *
 * <p>Regenerate (from the repository root): {@code mvn -B -q -o -pl spec -am test
 * -Dtest=PqVectorsTest -Dsurefire.failIfNoSpecifiedTests=false -Dsealmeet.regenerate=true}, then
 * update {@code spec/vectors/SHA256SUMS}.
 */
final class PqVectorGenerator {
  /** The folder, relative to the {@code spec} module. */
  static final Path DIR = Path.of("vectors", "mls-pq");

  /** The files written, in the priority order of the task (test-vectors.md names). */
  static final List<String> FILES = List.of("crypto-basics.json", "key-schedule.json",
      "secret-tree.json", "message-protection.json", "welcome.json", "tree-operations.json",
      "treekem.json", "passive-client-welcome.json", "passive-client-handling-commit.json",
      "passive-client-random.json");

  /** Leaf counts of the secret-tree cases of each suite. */
  private static final int[] SECRET_TREE_LEAVES = {1, 5};

  private static final HexFormat HEX = HexFormat.of();

  private PqVectorGenerator() {}

  /** TBD1..TBD11 at their {@link SuiteRegistry#draftPq()} code points, ascending. */
  static List<Integer> codePoints() {
    List<Integer> out = new ArrayList<>();
    for (int n = 1; n <= SuiteRegistry.draftPqDefinitions().size(); n++) {
      out.add(SuiteRegistry.DRAFT_PQ_BASE + n);
    }
    return out;
  }

  /** The content of {@code file}, one of {@link #FILES}. */
  static String generate(String file) throws SealmeetException {
    List<Object> cases = new ArrayList<>();
    for (int codePoint : codePoints()) {
      String name = file + String.format("/0x%04x", codePoint);
      switch (file) {
        case "crypto-basics.json":
          cases.add(PqScheduleVectors.cryptoBasics(suite(codePoint, name), random(name)));
          break;
        case "key-schedule.json":
          cases.add(PqScheduleVectors.keySchedule(suite(codePoint, name), random(name)));
          break;
        case "secret-tree.json":
          for (int leaves : SECRET_TREE_LEAVES) {
            String leafName = name + "/" + leaves;
            cases.add(PqScheduleVectors.secretTree(
                suite(codePoint, leafName), random(leafName), leaves));
          }
          break;
        case "message-protection.json":
          cases.add(PqFramingVectors.messageProtection(suite(codePoint, name), random(name)));
          break;
        case "welcome.json":
          cases.add(PqFramingVectors.welcome(suite(codePoint, name), random(name)));
          break;
        case "treekem.json":
          cases.add(PqTreeKemVectors.treeKem(suite(codePoint, name), random(name)));
          break;
        case "tree-operations.json":
          cases.addAll(PqTreeVectors.treeOperations(suite(codePoint, name), random(name)));
          break;
        case "passive-client-welcome.json":
          cases.add(PqPassiveClientVectors.welcome(
              codePoint, random(name + "/in welcome"), true, false));
          cases.add(PqPassiveClientVectors.welcome(
              codePoint, random(name + "/out of band, psk"), false, true));
          break;
        case "passive-client-handling-commit.json":
          cases.add(PqPassiveClientVectors.handlingCommit(codePoint, random(name)));
          break;
        case "passive-client-random.json":
          cases.add(PqPassiveClientVectors.random(codePoint, random(name)));
          break;
        default:
          throw new IllegalArgumentException("no generator for " + file);
      }
    }
    return JsonText.of(cases);
  }

  /**
   * The suite at {@code codePoint} of {@link SuiteRegistry#draftPq()}, drawing its randomness from
   * the stream {@code name + "/suite"} and signing ECDSA per RFC 6979.
   */
  private static MlsSuite suite(int codePoint, String name) throws SealmeetException {
    SuiteDefinition definition = SuiteRegistry.draftPq().definition(codePoint).orElseThrow();
    CipherSuite primitives = SuiteRegistry.draftPq().get(codePoint, random(name + "/suite"));
    return MlsSuite.wrap(new Rfc6979Suite(primitives, definition.signatureTlsId()));
  }

  private static SeededRandom random(String name) {
    return new SeededRandom(name);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The holder's bytes in hex; the holder is left as it was. */
  static String hex(Secret secret) {
    return HEX.formatHex(secret.copyBytes());
  }

  /** Writes every file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(DIR);
    for (String file : FILES) {
      Files.writeString(DIR.resolve(file), generate(file), StandardCharsets.UTF_8);
    }
  }
}
