package dev.sealmeet.meeting;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roster after one epoch change, as a {@link MeetingListener} is told: who is in the meeting,
 * verified, and what changed.
 *
 * @param epoch the new epoch
 * @param securityCode the epoch's security code (RFC 9420 §8.7 epoch authenticator), to compare
 *     with the other members
 * @param members the members by leaf with their verified identities, in leaf order
 * @param events the changes of this epoch (an {@code OPENED} event when this member entered)
 */
public record RosterChange(long epoch, String securityCode, Map<Long, VerifiedIdentity> members,
    List<RosterEvent> events) {
  /** Copies the collections. */
  public RosterChange {
    Objects.requireNonNull(securityCode, "securityCode");
    members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
    events = List.copyOf(events);
  }
}
