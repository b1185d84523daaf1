package dev.sealmeet.meeting;

import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.SenderType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What one member showed its user: the roster events it merged and the security code of each
 * epoch it was in (spec §3.5, §4). Identities of members who left stay known by the credential
 * they were verified with on entry.
 */
final class Roster {
  private final List<RosterEvent> events = new ArrayList<>();
  private final Map<Long, String> securityCodes = new LinkedHashMap<>();
  private final Map<String, Credential> credentials = new LinkedHashMap<>();

  /** Remembers the verified account of each current member, for later removal events. */
  void know(VerifiedIdentity identity, Credential credential) {
    credentials.put(identity.account(), credential);
  }

  void code(long epoch, String code) {
    securityCodes.put(epoch, code);
  }

  String code(long epoch) {
    return securityCodes.get(epoch);
  }

  Map<Long, String> codes() {
    return Map.copyOf(securityCodes);
  }

  List<RosterEvent> events() {
    return List.copyOf(events);
  }

  /** One event for the member at {@code leaf}, whose identity verified now. */
  void record(RosterEvent.Kind kind, long epoch, long leaf, VerifiedIdentity identity,
      Credential credential, long by) {
    know(identity, credential);
    events.add(new RosterEvent(epoch, kind, leaf, identity, by, code(epoch)));
  }

  /**
   * The events of one merge: who left (a self-Remove among {@code proposals}) or was removed,
   * and who joined or replaced a leaf, in leaf order.
   *
   * @return the events recorded
   */
  List<RosterEvent> merged(long epoch, Map<Long, Credential> before, Map<Long, Credential> after,
      List<ReceivedProposal> proposals, long committer, LongFunction<VerifiedIdentity> identity) {
    int first = events.size();
    for (long leaf : before.keySet()) {
      if (!after.containsKey(leaf)) {
        boolean left = proposals.stream().anyMatch(p -> p.proposal() instanceof RemoveProposal r
            && r.removed() == leaf && p.sender().index() == leaf
            && p.sender().senderType() == SenderType.MEMBER);
        events.add(new RosterEvent(epoch, left ? RosterEvent.Kind.LEFT : RosterEvent.Kind.REMOVED,
            leaf, verifiedOrUnknown(before.get(leaf)), committer, code(epoch)));
      }
    }
    for (long leaf : after.keySet()) {
      if (!before.containsKey(leaf) || !before.get(leaf).equals(after.get(leaf))) {
        record(RosterEvent.Kind.JOINED, epoch, leaf, identity.apply(leaf), after.get(leaf),
            committer);
      }
    }
    return List.copyOf(events.subList(first, events.size()));
  }

  private VerifiedIdentity verifiedOrUnknown(Credential credential) {
    for (Map.Entry<String, Credential> e : credentials.entrySet()) {
      if (e.getValue().equals(credential)) {
        return new VerifiedIdentity(e.getKey(), "verified on entry");
      }
    }
    return new VerifiedIdentity("(left before this member joined)", "unknown");
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "Roster[" + events.size() + " events]";
  }
}
