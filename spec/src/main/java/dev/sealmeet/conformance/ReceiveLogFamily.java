package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.GracePolicy;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.MediaTransitions;
import dev.sealmeet.meeting.MeetingRuleException;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code rejected-frames.json} and {@code transition.json}: one receiver's ordered log (spec §2.4,
 * §2.5). The file fixes the suites, {@code E}, the replay window, the grace and the hold bounds,
 * and each epoch's keys; the log installs epochs and receives protected frames at given times,
 * each with its verdict: accepted (epoch, sender and plaintext), held for the next epoch, or
 * rejected with a reason. A {@link MediaProtector} that does not send replays the log on a clock
 * the log sets; every step is one result, and a step's verdict must match exactly.
 */
public final class ReceiveLogFamily implements VectorFamily {
  @Override
  public String name() {
    return "meeting/receive-log";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    String name = VectorFamily.fileName(relativePath);
    return name.equals("rejected-frames.json") || name.equals("transition.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> out = new ArrayList<>();
    Map<Long, JsonNode> epochs = new HashMap<>();
    MediaProtector receiver;
    long[] nowMs = {0};
    try {
      SframeSuite sframe = SframeSuite.fromId(content.integer("sframe_cipher_suite"));
      MlsSuite mls = MlsSuite.of(content.integer("cipher_suite"), new SecureRandom());
      for (JsonNode e : content.get("epochs").elements()) {
        epochs.put(e.get("epoch").asLong(), e);
        boolean same = Arrays.equals(e.hex("base_key"),
            MeetingVectorFamily.baseKey(mls, sframe, e.hex("exporter_secret")));
        out.add(same ? CaseResult.passed("epoch " + e.get("epoch").asLong() + " base_key")
            : CaseResult.failed("epoch " + e.get("epoch").asLong() + " base_key", "mismatch"));
      }
      JsonNode grace = content.get("grace");
      JsonNode hold = content.get("hold");
      receiver = new MediaProtector(sframe, new KidLayout(content.integer("epoch_bits")),
          new GracePolicy(Duration.ofMillis(grace.get("time_ms").asLong()),
              grace.integer("epochs")),
          new MediaTransitions(Duration.ZERO, hold.integer("per_sender"), hold.integer("total"),
              hold.get("bytes").asLong(), Duration.ofMillis(hold.get("time_ms").asLong())),
          () -> nowMs[0] * 1_000_000L,
          SframeOptions.defaults().withReplayWindow(content.integer("replay_window")));
    } catch (SealmeetException | RuntimeException e) {
      out.add(CaseResult.failed("setup", e));
      return out;
    }
    try (receiver) {
      List<JsonNode> log = content.get("log").elements();
      for (int i = 0; i < log.size(); i++) {
        JsonNode step = log.get(i);
        String name = "step " + i;
        try {
          name += ": " + step.string("note");
          nowMs[0] = step.get("at_ms").asLong();
          String bad = step.has("install") ? install(receiver, epochs, step) : receive(receiver,
              step);
          out.add(bad.isEmpty() ? CaseResult.passed(name) : CaseResult.failed(name, bad));
        } catch (RuntimeException e) {
          out.add(CaseResult.failed(name, e));
        }
      }
    }
    return out;
  }

  private static String install(MediaProtector receiver, Map<Long, JsonNode> epochs,
      JsonNode step) {
    long epoch = step.get("install").asLong();
    JsonNode keys = epochs.get(epoch);
    if (keys == null) {
      return "epoch " + epoch + " is not among the file's epochs";
    }
    receiver.install(epoch, Secret.copyOf(keys.hex("base_key")), leaves(keys.get("members")),
        OptionalLong.empty(), leaves(step.get("departed")));
    List<ReceivedFrame> released = receiver.drainReleased();
    List<JsonNode> expected = step.get("released").elements();
    if (released.size() != expected.size()) {
      return "released " + released.size() + " held frames, expected " + expected.size();
    }
    for (int i = 0; i < expected.size(); i++) {
      String bad = same(expected.get(i), released.get(i));
      if (!bad.isEmpty()) {
        return "released[" + i + "]: " + bad;
      }
    }
    return "";
  }

  private static String receive(MediaProtector receiver, JsonNode step) {
    String expect = step.string("expect");
    String verdict;
    Optional<ReceivedFrame> frame = Optional.empty();
    try {
      frame = receiver.receive(step.hex("metadata"), step.hex("protected"));
      verdict = frame.isPresent() ? "accept" : "hold";
    } catch (SealmeetException e) {
      verdict = "reject/" + reason(e);
    }
    String wanted = expect.equals("reject") ? "reject/" + step.string("reason") : expect;
    if (!verdict.equals(wanted)) {
      return "verdict " + verdict + ", expected " + wanted;
    }
    return frame.isPresent() ? same(step, frame.get()) : "";
  }

  /** The reason code of the files for a rejection. */
  static String reason(SealmeetException e) {
    if (e instanceof MeetingRuleException m) {
      switch (m.rule()) {
        case UNKNOWN_EPOCH:
          return "unknown_epoch";
        case UNKNOWN_SENDER:
          return "unknown_sender";
        default:
          return m.rule().name();
      }
    }
    if (e instanceof DecodeException) {
      return "malformed";
    }
    if (e instanceof ReplayException) {
      return "replay";
    }
    if (e instanceof AuthenticationException) {
      return "authentication";
    }
    return e.getClass().getSimpleName();
  }

  private static String same(JsonNode expected, ReceivedFrame actual) {
    if (actual.epoch() != expected.get("epoch").asLong()) {
      return "epoch " + actual.epoch();
    }
    if (actual.senderLeaf() != expected.get("leaf").asLong()) {
      return "leaf " + actual.senderLeaf();
    }
    return Arrays.equals(actual.payload(), expected.hex("plaintext")) ? "" : "plaintext differs";
  }

  private static Set<Long> leaves(JsonNode list) {
    Set<Long> out = new LinkedHashSet<>();
    list.elements().forEach(n -> out.add(n.asLong()));
    return out;
  }
}
