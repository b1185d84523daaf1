package dev.sealmeet.conformance;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes {@code spec/vectors/meeting-more/rejected-frames.json}: for one epoch's keys, an ordered
 * receive log of frames that MUST be rejected, each with its reason, among the accepted frames of
 * the same sequence (spec §2.4: [SM-MEDIA-5], [SM-MEDIA-6], [SM-MEDIA-11]; RFC 9605 §4.3, §4.4.3).
 * Each rejected frame breaks one rule only: the others it meets, so that the reason is the same
 * in whatever order a receiver checks.
 */
final class RejectedFramesGenerator {
  static final Path FILE = Path.of("vectors", "meeting-more", "rejected-frames.json");
  private static final byte[] NONE = new byte[0];

  private RejectedFramesGenerator() {}

  /** The file's content. */
  static String generate() throws SealmeetException {
    ReceiveLogBuilder b = new ReceiveLogBuilder("rejected-frames", "A receiver that holds no "
        + "frames (hold bounds 0) installs epochs 16 and 17 of a meeting of leaves 0, 1 and 2, then "
        + "receives frames in this order; each must get the verdict given.",
        1, SframeSuite.AES_128_GCM_SHA256_128, 4, 64, 2000, 2, 0, 0, 0, 0);
    b.epoch(16, 0, 1, 2);
    b.epoch(17, 0, 1, 2);
    b.install(0, 16, new long[0], List.of(), "epoch 16 installed");
    b.install(0, 17, new long[0], List.of(), "epoch 17 installed; 16 is replaced now");
    replayWindow(b);
    tampered(b);
    unknownKeys(b);
    return b.render();
  }

  /** Leaf 1, epoch 17: the window of 64 CTRs moving and refusing (spec §2.4, [SM-MEDIA-11]). */
  private static void replayWindow(ReceiveLogBuilder b) {
    long[][] steps = { // ctr, accepted (1) or replayed (0)
        {0, 1}, {1, 1}, {1, 0}, {100, 1}, {100, 0}, {36, 0}, {37, 1}, {37, 0}, {1, 0}};
    String[] notes = {"first CTR", "next CTR", "CTR 1 again: replay", "CTR 100 slides the window "
        + "(highest 100)", "CTR 100 again: replay", "CTR 36 is 64 below the highest: too old",
        "CTR 37 is 63 below the highest and unseen: accepted", "CTR 37 again: replay",
        "CTR 1 is now below the window: too old"};
    for (int i = 0; i < steps.length; i++) {
      long ctr = steps[i][0];
      byte[] frame = b.frame(17, 1, ctr, NONE);
      if (steps[i][1] == 1) {
        b.accept(10, frame, NONE, 17, 1, ctr, notes[i]);
      } else {
        b.reject(10, frame, NONE, "replay", notes[i]);
      }
    }
    b.reject(10, flipLast(b.frame(17, 1, 200, NONE)), NONE, "authentication",
        "CTR 200 with a flipped tag bit: forged, so the window stays at 100");
    b.accept(10, b.frame(17, 1, 136, NONE), NONE, 17, 1, 136,
        "CTR 136 (64 below the forged 200, above the real highest 100): accepted");
    b.accept(10, b.frame(17, 1, 200, NONE), NONE, 17, 1, 200,
        "the genuine CTR 200: accepted, the forged one was not recorded");
  }

  /** Leaf 2, epoch 17: altered, cut and non-minimal frames ([SM-MEDIA-5]). */
  private static void tampered(ReceiveLogBuilder b) throws SealmeetException {
    byte[] good = b.frame(17, 2, 5, NONE);
    byte[] header = good.clone();
    header[0] ^= 0x01; // header 85 21: config (KID in 1 byte, CTR 5), KID 0x21; CTR 5 -> 4
    b.reject(20, header, NONE, "authentication", "header altered: CTR 5 rewritten as 4");
    byte[] body = good.clone();
    body[2] ^= (byte) 0x80;
    b.reject(20, body, NONE, "authentication", "first ciphertext byte altered");
    b.reject(20, flipLast(good), NONE, "authentication", "last tag byte altered");
    b.reject(20, Arrays.copyOf(good, good.length - 1), NONE, "authentication",
        "last byte cut: the tag is one byte short");
    b.reject(20, Arrays.copyOf(good, 2 + 15), NONE, "malformed",
        "cut to the header and 15 bytes: shorter than the 16-byte tag");
    b.reject(20, Arrays.copyOf(good, 1), NONE, "malformed",
        "cut inside the header: the config byte announces a KID byte that is missing");
    b.reject(20, NONE, NONE, "malformed", "empty frame: no config byte");
    b.accept(20, good, NONE, 17, 2, 5, "the unaltered frame at CTR 5: accepted (nothing above "
        + "consumed it)");
    byte[] metadata = Arrays.copyOf(MeetingVectorGenerator.input("rejected-frames metadata"), 8);
    byte[] withMetadata = b.frame(17, 2, 6, metadata);
    b.reject(20, withMetadata, NONE, "authentication",
        "protected with 8 bytes of metadata, received with none");
    byte[] otherMetadata = metadata.clone();
    otherMetadata[0] ^= 1;
    b.reject(20, withMetadata, otherMetadata, "authentication",
        "received with metadata differing in one bit");
    b.accept(20, withMetadata, metadata, 17, 2, 6, "received with its metadata: accepted");
    long kid = b.layout.kid(17, 2);
    if (!Arrays.equals(sealed(b, 17, 2, new byte[] {(byte) 0x87, (byte) kid}, 7),
        b.frame(17, 2, 7, NONE))) {
      throw new AssertionError("the hand-sealed frame differs from SFrame's");
    }
    b.reject(20, sealed(b, 17, 2, new byte[] {(byte) 0x97, 0x00, (byte) kid}, 7),
        NONE, "malformed", "KID 0x21 as two bytes 00 21 (a leading zero byte), authentic");
    b.reject(20, sealed(b, 17, 2, new byte[] {(byte) 0x89, (byte) kid, 0x00, 0x07}, 7),
        NONE, "malformed", "CTR 7 as two bytes 00 07 instead of in the config byte, authentic");
    b.accept(20, b.frame(17, 2, 7, NONE), NONE, 17, 2, 7, "CTR 7 minimally encoded: accepted");
  }

  /** Keys a receiver does not hold, or must not use ([SM-MEDIA-6], §2.4 grace). */
  private static void unknownKeys(ReceiveLogBuilder b) {
    b.reject(30, b.frameUnder(17, 25, 1, 0, NONE), NONE, "unknown_epoch",
        "KID of epoch slot 9 (epoch 25), which holds no keys");
    b.reject(30, b.frameUnder(17, 18, 1, 0, NONE),
        NONE, "unknown_epoch", "KID of the next epoch (18), not installed; this receiver holds "
        + "nothing");
    b.reject(30, b.frame(17, 7, 0, NONE), NONE, "unknown_sender",
        "leaf 7 is not a member of epoch 17 (its KID and key are otherwise right)");
    b.reject(30, b.frameUnder(16, 17, 0, 0, NONE), NONE, "authentication",
        "leaf 0's KID of epoch 17, keyed from epoch 16's base key");
    b.accept(30, b.frame(16, 0, 0, NONE), NONE, 16, 0, 0,
        "leaf 0 in epoch 16, replaced 30 ms ago: within the 2,000 ms grace");
    b.accept(2000, b.frame(16, 0, 1, NONE), NONE, 16, 0, 1,
        "epoch 16 replaced exactly 2,000 ms ago: not longer than the grace, accepted");
    b.reject(2001, b.frame(16, 0, 2, NONE), NONE, "unknown_epoch",
        "epoch 16 replaced 2,001 ms ago: past the grace, its keys are gone");
    b.accept(2001, b.frame(17, 0, 0, NONE), NONE, 17, 0, 0, "epoch 17 is current: accepted");
  }

  private static byte[] flipLast(byte[] frame) {
    byte[] out = frame.clone();
    out[out.length - 1] ^= 0x01;
    return out;
  }

  /**
   * A frame under {@code header} (any encoding) sealed as RFC 9605 §4.4.3 does: AES-GCM with the
   * sender's key, nonce {@code salt XOR CTR}, AAD {@code header || metadata} (empty here).
   */
  private static byte[] sealed(ReceiveLogBuilder b, long epoch, long leaf, byte[] header,
      long ctr) {
    SframeKeyMaterial keys = b.keys(epoch, leaf);
    try {
      byte[] nonce = keys.salt().copyBytes();
      for (int i = 0; i < 8; i++) {
        nonce[nonce.length - 1 - i] ^= (byte) (ctr >>> (8 * i));
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key().copyBytes(), "AES"),
          new GCMParameterSpec(128, nonce));
      gcm.updateAAD(header);
      byte[] sealed = gcm.doFinal(b.plaintext(epoch, leaf, ctr));
      byte[] out = Arrays.copyOf(header, header.length + sealed.length);
      System.arraycopy(sealed, 0, out, header.length, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    } finally {
      keys.destroy();
    }
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
