package dev.sealmeet.conformance;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.SecurityCode;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes {@code spec/vectors/meeting/meeting-keys.json}. Inputs are fixed: every secret is
 * SHA-256 of a label naming it, so the output is the same on every run. Outputs are computed with
 * Sealmeet's own exporter, KID layout, SFrame and security code (each checked elsewhere against
 * independent vectors: MLS {@code key-schedule.json}, RFC 9605 {@code test-vectors.json}).
 *
 * <p>Regenerate: {@code mvn -B -q -pl spec -am verify -Dtest=MeetingVectorsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsealmeet.regenerate=true}, then update SHA256SUMS.
 */
final class MeetingVectorGenerator {
  static final Path FILE = Path.of("vectors", "meeting", "meeting-keys.json");

  /** One case: an MLS suite, an SFrame suite, {@code E}, the epochs and the senders' leaves. */
  record Setup(int mlsSuite, SframeSuite sframe, int epochBits, long[] epochs, long[] leaves) {}

  private static final List<Setup> SETUPS = List.of(
      new Setup(1, SframeSuite.AES_128_GCM_SHA256_128, 4, new long[] {0, 14, 15, 17},
          new long[] {0, 3, 33}),
      new Setup(7, SframeSuite.AES_256_GCM_SHA512_128, 2, new long[] {1, 6, 1L << 40},
          new long[] {0, 1, 0xFFFF_FFFFL}),
      // The suites below pair an MLS AEAD and an SFrame suite of different Nk (spec §2.2: the
      // base key has the SFrame suite's Nk): 16 vs 32, 32 vs 48, 32 vs 48 with 4-byte tags.
      new Setup(1, SframeSuite.AES_256_GCM_SHA512_128, 4, new long[] {3}, new long[] {0, 1}),
      new Setup(3, SframeSuite.AES_128_CTR_HMAC_SHA256_80, 4, new long[] {2, 5},
          new long[] {0, 7}),
      new Setup(5, SframeSuite.AES_128_CTR_HMAC_SHA256_32, 8, new long[] {255, 256},
          new long[] {1, 2}));

  private MeetingVectorGenerator() {}

  static byte[] input(String what) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("sealmeet meeting vector " + what).getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** The file's content. */
  static String generate() throws SealmeetException {
    return generate(SETUPS, "");
  }

  /**
   * A file of {@code setups} in this file's layout; {@code labelPrefix} keeps the inputs of
   * different files apart (empty for {@code meeting-keys.json}).
   */
  static String generate(List<Setup> setups, String labelPrefix) throws SealmeetException {
    HexFormat hex = HexFormat.of();
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < setups.size(); i++) {
      Setup s = setups.get(i);
      MlsSuite mls = MlsSuite.of(s.mlsSuite(), new SecureRandom());
      KidLayout layout = new KidLayout(s.epochBits());
      out.append("  {\n    \"cipher_suite\": ").append(s.mlsSuite())
          .append(",\n    \"sframe_cipher_suite\": ").append(s.sframe().id())
          .append(",\n    \"epoch_bits\": ").append(s.epochBits())
          .append(",\n    \"epochs\": [\n");
      for (int e = 0; e < s.epochs().length; e++) {
        long epoch = s.epochs()[e];
        String tag = labelPrefix + "case " + i + " epoch " + epoch;
        byte[] exporter = java.util.Arrays.copyOf(input(tag + " exporter_secret"),
            mls.hashLength());
        byte[] authenticator = java.util.Arrays.copyOf(input(tag + " epoch_authenticator"),
            mls.hashLength());
        byte[] baseKey = MeetingVectorFamily.baseKey(mls, s.sframe(), exporter);
        out.append("      {\n        \"epoch\": ").append(epoch)
            .append(",\n        \"exporter_secret\": \"").append(hex.formatHex(exporter))
            .append("\",\n        \"epoch_authenticator\": \"")
            .append(hex.formatHex(authenticator))
            .append("\",\n        \"base_key\": \"").append(hex.formatHex(baseKey))
            .append("\",\n        \"security_code\": \"").append(SecurityCode.of(authenticator))
            .append("\",\n        \"senders\": [\n");
        for (int l = 0; l < s.leaves().length; l++) {
          long leaf = s.leaves()[l];
          long kid = layout.kid(epoch, leaf);
          SframeKeyMaterial keys = SframeKeySchedule.derive(s.sframe(), kid,
              Secret.copyOf(baseKey));
          out.append("          {\n            \"leaf_index\": ").append(leaf)
              .append(",\n            \"kid\": ").append(Long.toUnsignedString(kid))
              .append(",\n            \"sframe_key\": \"")
              .append(hex.formatHex(keys.key().copyBytes()))
              .append("\",\n            \"sframe_salt\": \"")
              .append(hex.formatHex(keys.salt().copyBytes()))
              .append("\",\n            \"frames\": [\n");
          keys.destroy();
          long[] ctrs = {0, 1, 0x0102};
          for (int k = 0; k < ctrs.length; k++) {
            byte[] metadata = k == 1 ? new byte[0] : input(tag + " leaf " + leaf + " metadata");
            byte[] plaintext = input(tag + " leaf " + leaf + " frame " + k);
            byte[] frame = MeetingVectorFamily.protect(s.sframe(), kid, baseKey, ctrs[k],
                metadata, plaintext);
            out.append("              {\"ctr\": ").append(ctrs[k])
                .append(", \"metadata\": \"").append(hex.formatHex(metadata))
                .append("\", \"plaintext\": \"").append(hex.formatHex(plaintext))
                .append("\", \"protected\": \"").append(hex.formatHex(frame)).append("\"}")
                .append(k + 1 < ctrs.length ? ",\n" : "\n");
          }
          out.append("            ]\n          }").append(l + 1 < s.leaves().length ? ",\n" : "\n");
        }
        out.append("        ]\n      }").append(e + 1 < s.epochs().length ? ",\n" : "\n");
      }
      out.append("    ]\n  }").append(i + 1 < setups.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
