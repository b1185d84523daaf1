package dev.sealmeet.meeting;

import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.LeafNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verified identities of a meeting's members, asked of the client's {@link IdentityVerifier}
 * each time (it may consult a live directory), and the members whose credential stopped verifying
 * after they entered. A revoked member is reported once ({@link MeetingListener#identityRevoked}),
 * listed by {@link Meeting#revokedMembers()} and shown in the roster under the account it was
 * verified with, marked {@link #REVOKED}; it is not removed by this member on its own (every
 * member may consult its directory at another moment, so removal is a host's decision).
 */
final class MemberIdentities {
  /** The {@link VerifiedIdentity#method()} of a member whose credential no longer verifies. */
  static final String REVOKED = "revoked: no longer verifies";

  private final Meeting m;
  private final Map<Credential, VerifiedIdentity> lastVerified = new HashMap<>();
  private final Map<Long, Credential> revoked = new HashMap<>();

  MemberIdentities(Meeting meeting) {
    this.m = meeting;
  }

  /** The identity of the member at {@code leaf}, or its last one marked revoked. */
  VerifiedIdentity of(long leaf) {
    LeafNode node = m.group.ratchetTree().leaf(leaf).orElseThrow(
        () -> new IllegalArgumentException("no member at leaf " + leaf));
    Optional<VerifiedIdentity> now =
        m.client.verifier().verify(node.credential(), node.signatureKey());
    if (now.isPresent()) {
      lastVerified.put(node.credential(), now.get());
      return now.get();
    }
    VerifiedIdentity last = lastVerified.get(node.credential());
    String account = last != null ? last.account()
        : m.client.verifier().accountOf(node.credential()).orElse("(unverified)");
    return new VerifiedIdentity(account, REVOKED);
  }

  /** Tells the roster who each member is, for the events of their later departure. */
  void introduceAll() {
    for (long leaf : m.group.members().keySet()) {
      m.roster.know(of(leaf), m.group.members().get(leaf));
    }
  }

  /** The members by leaf, in leaf order. */
  Map<Long, VerifiedIdentity> roster() {
    Map<Long, VerifiedIdentity> out = new LinkedHashMap<>();
    for (long leaf : m.group.members().keySet()) {
      out.put(leaf, of(leaf));
    }
    return out;
  }

  /** The leaf of {@code account}, if it is a member. */
  OptionalLong leafOf(String account) {
    for (Map.Entry<Long, VerifiedIdentity> e : roster().entrySet()) {
      if (e.getValue().account().equals(account)) {
        return OptionalLong.of(e.getKey());
      }
    }
    return OptionalLong.empty();
  }

  /** The leaves whose credential no longer verifies. */
  Set<Long> revoked() {
    return new TreeSet<>(revoked.keySet());
  }

  /**
   * Asks the verifier about every member again: reports each newly revoked one and forgets those
   * that left or verify again.
   */
  void recheck() {
    Map<Long, Credential> members = m.group.members();
    revoked.entrySet().removeIf(e -> !e.getValue().equals(members.get(e.getKey())));
    lastVerified.keySet().retainAll(members.values());
    for (Map.Entry<Long, Credential> member : members.entrySet()) {
      VerifiedIdentity identity = of(member.getKey());
      if (!REVOKED.equals(identity.method())) {
        revoked.remove(member.getKey());
      } else if (revoked.put(member.getKey(), member.getValue()) == null) {
        m.tell.revoked(member.getKey(), lastVerified.getOrDefault(member.getValue(), identity));
      }
    }
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "MemberIdentities[" + revoked.size() + " revoked]";
  }
}
