package dev.sealmeet.conformance;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code spec/vectors/meeting-more/transition.json}: a key transition as one receiver sees
 * it (spec §2.4, §2.5; RFC 9605 §4.4.1, §4.4.4): epochs 40 and 41, where the commit that makes 41
 * removes leaf 3; frames of both epochs interleaved around the switch, each accepted, held for
 * epoch 41, or rejected, under the grace and hold bounds the file states.
 */
final class TransitionVectorGenerator {
  static final Path FILE = Path.of("vectors", "meeting-more", "transition.json");
  private static final byte[] NONE = new byte[0];

  private TransitionVectorGenerator() {}

  /** The file's content. */
  static String generate() throws SealmeetException {
    ReceiveLogBuilder b = new ReceiveLogBuilder("transition", "A receiver in epoch 40 (leaves 0, "
        + "1, 2, 3) moves to epoch 41 (leaves 0, 1, 2; the commit removed leaf 3) at 100 ms. It "
        + "holds frames of the next epoch (at most 3 per sender), keeps a replaced epoch 2,000 ms, "
        + "and receives frames of both epochs in this order.",
        1, SframeSuite.AES_128_GCM_SHA256_128, 4, 1024, 2000, 2, 3, 256, 8L << 20, 2000);
    b.epoch(40, 0, 1, 2, 3);
    b.epoch(41, 0, 1, 2);
    b.install(0, 40, new long[0], List.of(), "epoch 40 installed");
    b.accept(10, b.frame(40, 0, 0, NONE), NONE, 40, 0, 0, "leaf 0, epoch 40");
    b.accept(20, b.frame(40, 1, 0, NONE), NONE, 40, 1, 0, "leaf 1, epoch 40");
    b.accept(30, b.frame(40, 3, 0, NONE), NONE, 40, 3, 0, "leaf 3, epoch 40");
    b.hold(40, b.frame(41, 1, 0, NONE), NONE,
        "leaf 1 already sends in epoch 41, not installed here yet: held (1 of 3 for leaf 1)");
    b.accept(45, b.frame(40, 0, 1, NONE), NONE, 40, 0, 1, "leaf 0 still sends in epoch 40");
    byte[] forged = b.frame(41, 1, 1, NONE);
    forged[forged.length - 1] ^= 0x01;
    b.hold(50, forged, NONE, "leaf 1, epoch 41, tag altered: held all the same, since it cannot "
        + "be authenticated before epoch 41's keys exist (2 of 3)");
    b.hold(55, b.frame(41, 2, 0, NONE), NONE, "leaf 2, epoch 41: held");
    b.hold(60, b.frame(41, 1, 2, NONE), NONE, "leaf 1, epoch 41: held (3 of 3)");
    b.reject(65, b.frame(41, 1, 3, NONE), NONE, "unknown_epoch",
        "leaf 1, epoch 41: its 3 held frames are the bound, so this one is dropped");
    b.reject(70, b.frameUnder(40, 42, 0, 0, NONE), NONE, "unknown_epoch",
        "KID of epoch 42: not the next epoch (41), so never held");
    b.install(100, 41, new long[] {3}, List.of(b.result(41, 1, 0), b.result(41, 2, 0),
            b.result(41, 1, 2)),
        "epoch 41 installed, leaf 3 departed: the held frames are opened under epoch 41's keys "
            + "in arrival order, the altered one is dropped");
    b.accept(110, b.frame(40, 0, 2, NONE), NONE, 40, 0, 2,
        "leaf 0, epoch 40, in flight: within the grace of the replaced epoch");
    b.reject(120, b.frame(40, 3, 1, NONE), NONE, "unknown_sender",
        "leaf 3, epoch 40: departed at the switch, refused from then on despite the grace");
    b.accept(130, b.frame(41, 1, 4, NONE), NONE, 41, 1, 4, "leaf 1, epoch 41");
    b.reject(140, b.frame(41, 1, 0, NONE), NONE, "replay",
        "leaf 1, epoch 41, CTR 0 again: the released frame was recorded in the window");
    b.accept(150, b.frame(41, 0, 0, NONE), NONE, 41, 0, 0, "leaf 0 switched to epoch 41");
    b.accept(2100, b.frame(40, 2, 0, NONE), NONE, 40, 2, 0,
        "leaf 2, epoch 40, at 2,000 ms after the switch: not longer than the grace");
    b.reject(2101, b.frame(40, 0, 3, NONE), NONE, "unknown_epoch",
        "leaf 0, epoch 40, 2,001 ms after the switch: past the grace");
    b.accept(2102, b.frame(41, 2, 1, NONE), NONE, 41, 2, 1, "leaf 2, epoch 41");
    return b.render();
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws SealmeetException, IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
