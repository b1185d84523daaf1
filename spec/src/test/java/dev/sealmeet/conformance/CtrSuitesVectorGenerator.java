package dev.sealmeet.conformance;

import dev.sealmeet.conformance.MeetingVectorGenerator.Setup;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code spec/vectors/meeting-more/ctr-suites.json}: meetings in the SFrame CTR suites 1–3
 * (RFC 9605 §4.5.1), in the layout of {@code meeting-keys.json} and with its generator, adding
 * what that file lacks: suite 2, {@code E} of 1, 3, 6 and 16, KID values that return after
 * {@code 2^E} epochs under a new base key, and more MLS suites beside each CTR suite.
 */
final class CtrSuitesVectorGenerator {
  static final Path FILE = Path.of("vectors", "meeting-more", "ctr-suites.json");

  private static final List<Setup> SETUPS = List.of(
      // E = 1: epochs 0 and 2 (and 1 and 3) share a KID value, each under its own base key.
      new Setup(1, SframeSuite.AES_128_CTR_HMAC_SHA256_80, 1, new long[] {0, 1, 2, 3},
          new long[] {0, 1, 2}),
      new Setup(1, SframeSuite.AES_128_CTR_HMAC_SHA256_64, 4, new long[] {7, 8, 23},
          new long[] {0, 5, 1000}),
      new Setup(2, SframeSuite.AES_128_CTR_HMAC_SHA256_64, 16, new long[] {65535, 65536},
          new long[] {0, 3}),
      new Setup(7, SframeSuite.AES_128_CTR_HMAC_SHA256_32, 6, new long[] {62, 63, 64},
          new long[] {0, 1, 63}),
      new Setup(6, SframeSuite.AES_128_CTR_HMAC_SHA256_80, 3, new long[] {9, 10},
          new long[] {4, 0xFFFF_FFFFL}));

  private CtrSuitesVectorGenerator() {}

  /** The file's content. */
  static String generate() throws SealmeetException {
    return MeetingVectorGenerator.generate(SETUPS, "ctr-suites ");
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
