package dev.sealmeet.cli;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaKind;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealmeet demo}: a whole meeting through an untrusted relay, and its proofs. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    // One element per paragraph: picocli wraps it at word boundaries to the terminal's width.
    description = {
      "Runs a meeting through an untrusted relay (delivery service + media forwarder that records "
          + "every byte): a host, lobby guests, audio and video, a removal, a leave, an update, a "
          + "latecomer, and a member forging frames under the host's KID, which sender "
          + "authentication reports. Media reaches members faster than signalling (seeded "
          + "delays on a virtual clock), so frames of a new epoch often arrive before its "
          + "commit. Prints the timeline, the frames that crossed each key change and how many "
          + "were lost, and the proofs, each trying every key each party ever held; exits 1 if "
          + "any proof fails. --json adds the rekey cost (removal to first frame under the new "
          + "epoch).",
      "--network runs the same meeting and proofs across processes: the delivery service server "
          + "(sealmeet ds, embedded store in a temporary directory, bearer tokens made for the "
          + "run) and each participant in a JVM of its own over loopback gRPC, this process "
          + "relaying media; a ninth proof searches every byte of the server's store for every "
          + "key each party held.",
      "--suite picks the meeting's MLS cipher suite by name or code point among RFC 9420's "
          + "suites and the post-quantum suites of draft-ietf-mls-pq-ciphersuites-06 at "
          + "Sealmeet's code points 0xF001-0xF00B (e.g. 0xF001, X-Wing with Ed25519)."
    })
final class DemoCommand implements Callable<Integer> {
  /** The suites {@code --suite} may name: RFC 9420's and the draft's at Sealmeet's code points. */
  static final SuiteRegistry REGISTRY = SuiteRegistry.draftPq();

  @Option(names = "--participants", paramLabel = "N", description = "Host and guests admitted "
      + "at the start (default ${DEFAULT-VALUE}, at least 4)")
  int participants = 6;

  @Option(names = "--seconds", paramLabel = "S", description = "Seconds of media in all "
      + "(default ${DEFAULT-VALUE})")
  double seconds = 5;

  @Option(names = "--json", description = "Print the proofs, timeline and rekey cost as JSON")
  boolean json;

  @Option(names = "--suite", paramLabel = "SUITE", description = "MLS cipher suite, a name or "
      + "code point (default ${DEFAULT-VALUE})")
  String suite = "0x0001";

  @Option(names = "--rekey-sizes", split = ",", paramLabel = "N",
      description = "Meeting sizes for the rekey cost in --json (default ${DEFAULT-VALUE})")
  List<Integer> rekeySizes = List.of(10, 50, 200);

  @Option(names = "--network", description = "Run the server and each participant as a process "
      + "of its own over loopback gRPC, and scan the server's store for keys")
  boolean network;

  /** If set (by a test), {@code --network} copies the server's store there after the meeting. */
  java.nio.file.Path keepStore;

  /** The {@code --network} run, once it ended (for tests). */
  NetworkDemo networkDemo;

  @Override
  public Integer call() throws Exception {
    if (participants < 4 || seconds <= 0) {
      System.err.println("sealmeet demo: --participants must be at least 4, --seconds above 0");
      return 2;
    }
    int suiteId;
    try {
      suiteId = REGISTRY.resolve(suite);
    } catch (IllegalArgumentException e) {
      System.err.println("sealmeet demo: " + e.getMessage());
      return 2;
    }
    long start = System.nanoTime();
    MeetingDemo demo;
    if (network) {
      try (NetworkDemo run = new NetworkDemo(participants, seconds, suiteId)) {
        networkDemo = run;
        run.keepStore = keepStore;
        demo = run.run();
      }
    } else {
      demo = new MeetingDemo(participants, seconds, suiteId, REGISTRY);
      demo.run();
    }
    String suiteName = String.format("0x%04x %s", demo.mlsSuiteId(),
        REGISTRY.definition(demo.mlsSuiteId()).orElseThrow().name());
    double elapsed = (System.nanoTime() - start) / 1e9;
    boolean ok = demo.proofs.stream().allMatch(MeetingDemo.Proof::passed);
    if (json) {
      StringBuilder out = new StringBuilder("{\n  \"participants\": ").append(participants)
          .append(",\n  \"seconds\": ").append(seconds).append(",\n  \"mlsSuite\": ")
          .append(quote(suiteName)).append(",\n  \"frames\": ")
          .append(demo.frames).append(",\n  \"bytes\": ").append(demo.bytes)
          .append(",\n  \"timeline\": [");
      for (int i = 0; i < demo.timeline.size(); i++) {
        MeetingDemo.Line l = demo.timeline.get(i);
        out.append(i == 0 ? "\n" : ",\n").append("    {\"epoch\": ").append(l.epoch())
            .append(", \"event\": ").append(quote(l.event())).append(", \"securityCode\": ")
            .append(quote(l.securityCode())).append('}');
      }
      out.append("\n  ],\n  \"proofs\": [");
      for (int i = 0; i < demo.proofs.size(); i++) {
        MeetingDemo.Proof p = demo.proofs.get(i);
        out.append(i == 0 ? "\n" : ",\n").append("    {\"proof\": ").append(quote(p.name()))
            .append(", \"passed\": ").append(p.passed()).append(", \"detail\": ")
            .append(quote(p.detail())).append('}');
      }
      out.append("\n  ],\n  \"keyChanges\": {\"held\": ").append(demo.held)
          .append(", \"released\": ").append(demo.released).append(", \"byFrameEpoch\": [");
      for (int i = 0; i < demo.crossings.size(); i++) {
        MeetingDemo.Crossing c = demo.crossings.get(i);
        out.append(i == 0 ? "" : ", ").append("{\"epoch\": ").append(c.frameEpoch())
            .append(", \"crossed\": ").append(c.crossed()).append(", \"lost\": ")
            .append(c.lost()).append('}');
      }
      out.append("]},\n  \"rekeyCost\": {\n    \"method\": ").append(quote(
          "a meeting of N members (host, one observing member, N-2 admitted in one commit); "
          + "time from the host's removal of one member (commit, delivery-service accept, "
          + "merge, SFrame keys of the new epoch) to its first frame protected, and to that "
          + "frame decrypted by the observer after processing the commit; best of 5 removals "
          + "after 2 warm-up removals, one JVM, wall clock"))
          .append(",\n    \"results\": [");
      for (int i = 0; i < rekeySizes.size(); i++) {
        double[] ms = rekeyCost(rekeySizes.get(i), suiteId);
        out.append(i == 0 ? "\n" : ",\n").append("      {\"members\": ")
            .append(rekeySizes.get(i)).append(String.format(
                ", \"senderMs\": %.2f, \"receiverMs\": %.2f}", ms[0], ms[1]));
      }
      out.append("\n    ],\n    \"goalMs\": 33\n  },\n  \"allProofsPassed\": ").append(ok)
          .append(",\n  \"elapsedSeconds\": ").append(String.format("%.1f", elapsed))
          .append("\n}");
      System.out.println(out);
    } else {
      System.out.println("MLS cipher suite: " + suiteName);
      if (network) {
        System.out.println("Network: sealmeet ds and " + (Math.max(3, participants - 1) + 2)
            + " participants, each a process of its own, over loopback gRPC; media relayed by "
            + "this process");
      }
      System.out.println("Timeline (epoch, event, security code every member shows):");
      for (MeetingDemo.Line l : demo.timeline) {
        System.out.printf("  epoch %2d  %-32s  %s%n", l.epoch(), l.securityCode(), l.event());
      }
      System.out.println("Relay recorded " + demo.frames + " media frames, " + demo.bytes
          + " bytes.");
      System.out.println("Proofs:");
      for (MeetingDemo.Proof p : demo.proofs) {
        System.out.println("  " + (p.passed() ? "PASS" : "FAIL") + "  " + p.name() + "  ("
            + p.detail() + ")");
      }
      System.out.println("Key changes (media relay " + MeetingDemo.MEDIA_MIN_MS + "-"
          + MeetingDemo.MEDIA_MAX_MS + " ms, signalling " + MeetingDemo.SIGNAL_MIN_MS + "-"
          + MeetingDemo.SIGNAL_MAX_MS + " ms, virtual clock): " + demo.held
          + " frames held for a commit not yet arrived, " + demo.released + " released");
      for (MeetingDemo.Crossing c : demo.crossings) {
        System.out.printf("  epoch %2d frames received by members at another epoch: %4d, lost: %d%n",
            c.frameEpoch(), c.crossed(), c.lost());
      }
      System.out.printf("%s in %.1f s%n", ok ? "All proofs passed" : "SOME PROOFS FAILED",
          elapsed);
    }
    return ok ? 0 : 1;
  }

  /** Milliseconds: sender (removal to first frame protected), receiver (to that frame opened). */
  static double[] rekeyCost(int size, int suiteId) throws SealmeetException {
    MlsSuite suite = MlsSuite.of(suiteId, REGISTRY, new SecureRandom());
    InMemoryDeliveryService ds = new InMemoryDeliveryService(suite);
    Map<String, byte[]> keys = new ConcurrentHashMap<>();
    IdentityVerifier verifier = (c, k) -> IdentityVerifier.basicBoundTo(keys).verify(c, k);
    java.util.function.Function<String, MeetingClient> client = account -> {
      SigningIdentity id = SigningIdentity.generate(suite,
          new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
      keys.put(account, id.signaturePublicKey());
      return new MeetingClient(account, id, suite, verifier,
          MeetingOptions.defaults().withMlsSuites(REGISTRY));
    };
    Meeting host = Meeting.open(client.apply("host"), ds);
    LobbyGuest observerGuest = LobbyGuest.enter(client.apply("observer"), ds, host.invitation());
    List<String> rest = new ArrayList<>();
    for (int i = 2; i < size; i++) {
      LobbyGuest.enter(client.apply("m" + i), ds, host.invitation()).close();
      rest.add("m" + i);
    }
    rest.add(0, "observer");
    host.admitAll(rest);
    Meeting observer = observerGuest.poll().orElseThrow();
    observer.poll();
    double bestSend = Double.MAX_VALUE;
    double bestReceive = Double.MAX_VALUE;
    byte[] frame = new byte[1200];
    for (int round = 0; round < 7; round++) {
      long leaf = host.leafOf("m" + (2 + round)).getAsLong();
      long t0 = System.nanoTime();
      host.remove(leaf);
      host.send(MediaKind.VIDEO, frame);
      long t1 = System.nanoTime();
      int got = observer.poll().size();
      long t2 = System.nanoTime();
      if (got != 1) {
        throw new IllegalStateException("the observer did not decrypt the first frame");
      }
      if (round >= 2) {
        bestSend = Math.min(bestSend, (t1 - t0) / 1e6);
        bestReceive = Math.min(bestReceive, (t2 - t0) / 1e6);
      }
    }
    return new double[] {bestSend, bestReceive};
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
