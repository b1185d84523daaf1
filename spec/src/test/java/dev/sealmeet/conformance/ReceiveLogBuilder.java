package dev.sealmeet.conformance;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeSuite;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a receive-log vector file ({@code rejected-frames.json}, {@code transition.json}, read by
 * {@link ReceiveLogFamily}): the receiver's settings, the epochs' keys from fixed inputs, and the
 * ordered log of installs and received frames with their verdicts. Frames are protected with
 * Sealmeet's SFrame ({@link MeetingVectorFamily#protect}).
 */
final class ReceiveLogBuilder {
  static final HexFormat HEX = HexFormat.of();

  final SframeSuite sframe;
  final KidLayout layout;
  private final MlsSuite mls;
  private final String label;
  private final Map<String, Object> file = new LinkedHashMap<>();
  private final List<Object> epochs = new ArrayList<>();
  private final List<Object> log = new ArrayList<>();
  private final Map<Long, byte[]> baseKeys = new HashMap<>();

  /** The file's settings; {@code label} keeps this file's inputs apart from other files'. */
  ReceiveLogBuilder(String label, String description, int mlsSuite, SframeSuite sframe,
      int epochBits, int replayWindow, long graceMs, int graceEpochs, int holdPerSender,
      int holdTotal, long holdBytes, long holdMs) throws SealmeetException {
    this.label = label;
    this.sframe = sframe;
    this.layout = new KidLayout(epochBits);
    this.mls = MlsSuite.of(mlsSuite, new SecureRandom());
    file.put("description", description);
    file.put("cipher_suite", (long) mlsSuite);
    file.put("sframe_cipher_suite", (long) sframe.id());
    file.put("epoch_bits", (long) epochBits);
    file.put("replay_window", (long) replayWindow);
    file.put("grace", ordered("time_ms", graceMs, "epochs", (long) graceEpochs));
    file.put("hold", ordered("per_sender", (long) holdPerSender, "total", (long) holdTotal,
        "bytes", holdBytes, "time_ms", holdMs));
    file.put("epochs", epochs);
    file.put("log", log);
  }

  /** Declares an epoch with its members; its exporter secret is SHA-256 of a label naming it. */
  void epoch(long epoch, long... members) {
    byte[] exporter = Arrays.copyOf(
        MeetingVectorGenerator.input(label + " epoch " + epoch + " exporter_secret"),
        mls.hashLength());
    byte[] baseKey = MeetingVectorFamily.baseKey(mls, sframe, exporter);
    baseKeys.put(epoch, baseKey);
    List<Object> leaves = new ArrayList<>();
    for (long m : members) {
      leaves.add(m);
    }
    epochs.add(ordered("epoch", epoch, "exporter_secret", HEX.formatHex(exporter), "base_key",
        HEX.formatHex(baseKey), "members", leaves));
  }

  /** The base key of a declared epoch. */
  byte[] baseKey(long epoch) {
    return baseKeys.get(epoch).clone();
  }

  /** A plaintext from fixed inputs. */
  byte[] plaintext(long epoch, long leaf, long ctr) {
    return Arrays.copyOf(MeetingVectorGenerator.input(
        label + " epoch " + epoch + " leaf " + leaf + " ctr " + ctr), 24);
  }

  /** The frame {@code leaf} sends in {@code epoch} at {@code ctr}, under that epoch's key. */
  byte[] frame(long epoch, long leaf, long ctr, byte[] metadata) {
    return frameUnder(epoch, epoch, leaf, ctr, metadata);
  }

  /** As {@link #frame}, but keyed from {@code keyEpoch}'s base key. */
  byte[] frameUnder(long keyEpoch, long epoch, long leaf, long ctr, byte[] metadata) {
    return MeetingVectorFamily.protect(sframe, layout.kid(epoch, leaf), baseKeys.get(keyEpoch),
        ctr, metadata, plaintext(epoch, leaf, ctr));
  }

  /** The SFrame key and salt of {@code leaf} in {@code epoch}; the caller destroys it. */
  SframeKeyMaterial keys(long epoch, long leaf) {
    return SframeKeySchedule.derive(sframe, layout.kid(epoch, leaf),
        Secret.copyOf(baseKeys.get(epoch)));
  }

  /** Logs an install of {@code epoch} at {@code atMs}, and the held frames it releases. */
  void install(long atMs, long epoch, long[] departed, List<Object> released, String note) {
    List<Object> gone = new ArrayList<>();
    for (long d : departed) {
      gone.add(d);
    }
    log.add(ordered("at_ms", atMs, "install", epoch, "departed", gone, "released", released,
        "note", note));
  }

  /** A released (or accepted) frame's expected result. */
  Map<String, Object> result(long epoch, long leaf, long ctr) {
    return ordered("epoch", epoch, "leaf", leaf, "ctr", ctr, "plaintext",
        HEX.formatHex(plaintext(epoch, leaf, ctr)));
  }

  /** Logs a received frame that is accepted as {@code leaf}'s frame of {@code epoch}. */
  void accept(long atMs, byte[] frame, byte[] metadata, long epoch, long leaf, long ctr,
      String note) {
    Map<String, Object> step = received(atMs, frame, metadata, "accept");
    step.putAll(result(epoch, leaf, ctr));
    step.put("note", note);
    log.add(step);
  }

  /** Logs a received frame that is held for the next epoch. */
  void hold(long atMs, byte[] frame, byte[] metadata, String note) {
    Map<String, Object> step = received(atMs, frame, metadata, "hold");
    step.put("note", note);
    log.add(step);
  }

  /** Logs a received frame that is rejected for {@code reason}. */
  void reject(long atMs, byte[] frame, byte[] metadata, String reason, String note) {
    Map<String, Object> step = received(atMs, frame, metadata, "reject");
    step.put("reason", reason);
    step.put("note", note);
    log.add(step);
  }

  private static Map<String, Object> received(long atMs, byte[] frame, byte[] metadata,
      String expect) {
    return ordered("at_ms", atMs, "protected", HEX.formatHex(frame), "metadata",
        HEX.formatHex(metadata), "expect", expect);
  }

  /** The file's content. */
  String render() {
    return VectorJson.render(file);
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
