package dev.sealmeet.cli;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.KidLayout;
import dev.sealmeet.sframe.auth.ForgeryReason;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What {@code sealmeet demo} recorded of its meeting (every delivery, every frame decrypted, every
 * key each party held, the epochs each member was in) and the proofs drawn from it, whether the
 * parties ran in the demo's JVM or in processes of their own.
 */
final class DemoProofs {
  /** One delivery by the relay: whether the receiver still knew the sender, and its epoch then. */
  record Delivery(long id, String to, long frameEpoch, long receiverEpoch,
      boolean senderKnown) {}

  final Map<String, List<Map.Entry<Long, byte[]>>> keysHeld = new ConcurrentHashMap<>();
  final Map<String, Set<Long>> decrypted = new HashMap<>();
  final Map<String, Set<Long>> epochsOf = new HashMap<>();
  final Map<String, Set<Long>> formerEpochs = new HashMap<>();
  final List<Delivery> deliveries = new ArrayList<>();
  final NonceLedger nonces = new NonceLedger();

  /** What sender authentication reported, as (member told, report). */
  final List<Map.Entry<String, ForgedFrame>> forgedReports =
      java.util.Collections.synchronizedList(new ArrayList<>());
  /** The frames the forging member sent, by id: {KID, CTR}. */
  final Map<Long, long[]> forgedFrames = new HashMap<>();
  /** The members that decrypted each forged frame. */
  final Map<Long, Set<String>> forgedDecryptedBy = new HashMap<>();
  /** The member whose KID the forger used. */
  String victim;
  /** The epoch the restarted member resumed at. */
  long resumedEpoch = Long.MAX_VALUE;

  final List<MeetingDemo.Proof> proofs = new ArrayList<>();
  final List<MeetingDemo.Crossing> crossings = new ArrayList<>();
  long frames;
  long bytes;
  long held;
  long released;

  void keyInstalled(String account, long epoch, byte[] key) {
    keysHeld.computeIfAbsent(account, w -> new ArrayList<>()).add(Map.entry(epoch, key));
  }

  void forged(String account, ForgedFrame report) {
    forgedReports.add(Map.entry(account, report));
  }

  void decrypted(String account, long frameId) {
    decrypted.computeIfAbsent(account, k -> new HashSet<>()).add(frameId);
  }

  /**
   * Draws the eight proofs (seven if the meeting did not require sender authentication).
   *
   * @param codes the security codes of every member still in, by account
   * @param stats {@code {held, released}} summed over the members still in
   * @param departed the members removed or gone before the end
   */
  void prove(List<MediaRelay.Frame> recorded, Map<String, Map<Long, String>> codes, long[] stats,
      String removed, long removedEpoch, String waited, long admittedAt, long lateAt,
      String restarter, long resumedAt, Set<String> departed) {
    Map<Long, MediaRelay.Frame> byId = new HashMap<>();
    for (MediaRelay.Frame f : recorded) {
      byId.put(f.id(), f);
      bytes += f.sframe().length;
    }
    frames = byId.size();
    codes.forEach((account, byEpoch) -> {
      epochsOf.put(account, new HashSet<>(byEpoch.keySet()));
      epochsOf.get(account).addAll(formerEpochs.getOrDefault(account, Set.of()));
    });
    held = stats[0];
    released = stats[1];
    int relayKeys = keysHeld.getOrDefault("relay", List.of()).size();
    proofs.add(new MeetingDemo.Proof("The relay decrypted 0 of " + frames + " frames",
        relayKeys == 0, "it held " + relayKeys + " keys; it recorded " + frames + " frames, "
        + bytes + " bytes"));
    proofs.add(attack("The removed member decrypted 0 frames sent under the epochs after its "
        + "removal", removed, f -> f.epoch() > removedEpoch, byId));
    proofs.add(attack("The lobby guest decrypted 0 frames before admission", waited,
        f -> f.id() < admittedAt, byId));
    proofs.add(attack("The latecomer decrypted 0 frames from before it joined", "latecomer",
        f -> f.id() < lateAt, byId));
    long expected = 0;
    long got = 0;
    Map<Long, long[]> crossed = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (Delivery d : deliveries) {
      // Due to decrypt: the receiver was in the frame's epoch and still counted the sender in.
      if (!d.senderKnown() || !epochsOf.getOrDefault(d.to(), Set.of()).contains(d.frameEpoch())) {
        continue;
      }
      expected++;
      boolean ok = decrypted.getOrDefault(d.to(), Set.of()).contains(d.id());
      got += ok ? 1 : 0;
      if (!ok && missed.size() < 3) {
        missed.add(d.to() + " missed frame " + d.id());
      }
      if (d.receiverEpoch() != d.frameEpoch()) {
        long[] c = crossed.computeIfAbsent(d.frameEpoch(), e -> new long[2]);
        c[0]++;
        c[1] += ok ? 0 : 1;
      }
    }
    crossed.forEach((epoch, c) -> crossings.add(new MeetingDemo.Crossing(epoch, c[0], c[1])));
    proofs.add(resumeProof(byId, restarter, resumedAt));
    proofs.add(new MeetingDemo.Proof("Every member decrypted 100% of the frames sent while it "
        + "was in", got == expected, got + " of " + expected + " deliveries in the frame's epoch; "
        + held + " held for a commit not yet arrived, " + released + " released"
        + (missed.isEmpty() ? "" : "; " + missed)));
    boolean same = true;
    int epochs = 0;
    Map<Long, Set<String>> byEpoch = new HashMap<>();
    codes.values().forEach(c -> c.forEach((epoch, code) ->
        byEpoch.computeIfAbsent(epoch, k -> new HashSet<>()).add(code)));
    for (Set<String> c : byEpoch.values()) {
      same &= c.size() == 1;
      epochs++;
    }
    proofs.add(new MeetingDemo.Proof("Every member showed the same security code in each epoch",
        same, epochs + " epochs compared"));
    if (victim != null) { // a forger ran: the meeting required sender authentication
      proofs.add(senderAuthProof(byId, departed, restarter, resumedAt));
    }
  }

  /**
   * Every forged frame was reported forged, with the victim as claimed sender, by every member that
   * decrypted it; and no honest frame was, but for the presumptions spec §9 names: the last
   * unsigned window of a member removed or gone ({@code departed}), or of {@code restarter}
   * before its restart, and frames sent before its restart or of epochs before its resume
   * reported by {@code restarter} (its verifier's state died with its process; it holds the leaf
   * keys of the epochs it installed since).
   */
  private MeetingDemo.Proof senderAuthProof(Map<Long, MediaRelay.Frame> byId,
      Set<String> departed, String restarter, long resumedAt) {
    Map<String, MediaRelay.Frame> sent = new HashMap<>(); // "kid:ctr" -> the frame the relay saw
    for (MediaRelay.Frame f : byId.values()) {
      try {
        SframeHeader h = SframeHeader.decode(ByteBuffer.wrap(f.sframe()));
        sent.put(h.kid() + ":" + h.ctr(), f);
      } catch (SealmeetException e) {
        throw new IllegalStateException("the relay recorded a malformed frame", e);
      }
    }
    Map<String, Set<String>> reportedBy = new HashMap<>();
    Set<String> honest = new HashSet<>();
    Set<String> presumed = new HashSet<>();
    List<String> unexplained = new ArrayList<>();
    long victimLeaf = -1;
    synchronized (forgedReports) {
      for (Map.Entry<String, ForgedFrame> r : forgedReports) {
        String key = r.getValue().kid() + ":" + r.getValue().ctr();
        MediaRelay.Frame f = sent.get(key);
        if (f != null && forgedFrames.containsKey(f.id())) {
          victimLeaf = r.getValue().claimedLeaf();
          reportedBy.computeIfAbsent(key, k -> new HashSet<>()).add(r.getKey());
        } else if (f != null && r.getValue().reason() == ForgeryReason.UNSIGNED
            && (departed.contains(f.from()) || f.from().equals(restarter) && f.id() < resumedAt
            || r.getKey().equals(restarter) && (f.epoch() < resumedEpoch || f.id() < resumedAt))) {
          presumed.add(key);
        } else if (honest.add(key) && unexplained.size() < 5) {
          unexplained.add(r.getKey() + " told " + r.getValue().reason() + " of "
              + (f == null ? "an unknown frame" : f.from() + "'s frame " + f.id() + " (epoch "
              + f.epoch() + ")"));
        }
      }
    }
    KidLayout layout = KidLayout.defaults();
    long detected = 0;
    long deliveries = 0;
    for (Map.Entry<Long, long[]> f : forgedFrames.entrySet()) {
      Set<String> by = forgedDecryptedBy.getOrDefault(f.getKey(), Set.of());
      deliveries += by.size();
      String key = f.getValue()[0] + ":" + f.getValue()[1];
      if (!by.isEmpty() && layout.senderOf(f.getValue()[0]) == victimLeaf
          && reportedBy.getOrDefault(key, Set.of()).containsAll(by)) {
        detected++;
      }
    }
    int total = forgedFrames.size();
    return new MeetingDemo.Proof("sender authentication: " + detected + " of " + total
        + " forged frames detected (claimed sender " + victim + "), " + honest.size()
        + " honest frames marked forged beyond the " + presumed.size()
        + " their senders could not sign", total > 0 && detected == total && honest.isEmpty(),
        "each forged frame reported by every member that decrypted it, " + deliveries
        + " deliveries; not signed, so presumed forged (UNSIGNED), as spec §9 allows: the last"
        + " window " + restarter + " sent before its restart, or frames sent before it and told"
        + " to it; the last window of " + departed + " ends UNVERIFIED, its senders gone"
        + (unexplained.isEmpty() ? "" : "; marked forged: " + unexplained));
  }

  /** After the restart, the resumed member's frames all decrypt; no (key, nonce) pair twice. */
  private MeetingDemo.Proof resumeProof(Map<Long, MediaRelay.Frame> byId, String restarter,
      long resumedAt) {
    long due = 0;
    long opened = 0;
    for (Delivery d : deliveries) {
      MediaRelay.Frame f = byId.get(d.id());
      if (f == null || !f.from().equals(restarter) || d.id() < resumedAt || !d.senderKnown()
          || !epochsOf.getOrDefault(d.to(), Set.of()).contains(d.frameEpoch())) {
        continue;
      }
      due++;
      opened += decrypted.getOrDefault(d.to(), Set.of()).contains(d.id()) ? 1 : 0;
    }
    return new MeetingDemo.Proof(restarter + " resumed from its encrypted store: every frame it "
        + "sent after the restart decrypted, and no nonce was used twice",
        due > 0 && opened == due && nonces.repeated() == 0, opened + " of " + due
        + " deliveries decrypted; " + nonces.repeated() + " repeated (key, nonce) pairs in "
        + nonces.frames() + " frames sent");
  }

  private MeetingDemo.Proof attack(String name, String account,
      Predicate<MediaRelay.Frame> which, Map<Long, MediaRelay.Frame> byId) {
    List<Map.Entry<Long, byte[]>> keys = keysHeld.getOrDefault(account, List.of());
    long tried = 0;
    long opened = 0;
    for (MediaRelay.Frame f : byId.values()) {
      if (!which.test(f) || f.from().equals(account)) {
        continue;
      }
      tried++;
      for (Map.Entry<Long, byte[]> key : keys) {
        if (opens(f.sframe(), key.getValue())) {
          opened++;
          break;
        }
      }
    }
    return new MeetingDemo.Proof(name, opened == 0 && tried > 0, account + " held " + keys.size()
        + " epoch keys; each tried on " + tried + " frames: " + opened + " decrypted");
  }

  private static boolean opens(byte[] frame, byte[] baseKey) {
    try (SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128)) {
      long kid = SframeHeader.decode(ByteBuffer.wrap(frame)).kid();
      receiver.addKey(kid, Secret.copyOf(baseKey));
      receiver.unprotect(null, frame);
      return true;
    } catch (SealmeetException e) {
      return false;
    }
  }
}
