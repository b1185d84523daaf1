package dev.sealmeet.ds;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.PublicGroupView;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.MlsMessage;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link PublicGroupView} per meeting, for the head it was built from (its epoch and
 * GroupInfo bytes): building one validates the whole ratchet tree, costly for a big group. Each
 * meeting has a lock that its submits on this node take; correctness across nodes comes from the
 * store, which appends only at the epoch checked against. A view is handed out only under its
 * meeting's lock.
 */
final class ViewCache {
  private final MlsSuite suite;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** A meeting's lock and its cached view. */
  static final class Slot {
    private long epoch = -1;
    private byte[] groupInfo;
    private PublicGroupView view;
  }

  ViewCache(MlsSuite suite) {
    this.suite = suite;
  }

  /** The slot of a meeting: synchronize on it around {@link #view} and {@link #advanced}. */
  Slot slot(byte[] meetingId) {
    return slots.computeIfAbsent(StoreState.key(meetingId), k -> new Slot());
  }

  /**
   * The view of {@code head}, cached or built. The caller holds the slot's lock.
   *
   * @throws SealmeetException if the stored GroupInfo does not verify (it did when stored)
   */
  PublicGroupView view(Slot slot, MeetingHead head) throws SealmeetException {
    byte[] groupInfo = head.groupInfo();
    if (slot.view == null || slot.epoch != head.epoch()
        || !MessageDigest.isEqual(slot.groupInfo, groupInfo)) {
      slot.view = PublicGroupView.of(suite, MlsMessage.fromBytes(groupInfo));
      slot.epoch = head.epoch();
      slot.groupInfo = groupInfo;
    }
    return slot.view;
  }

  /**
   * After a commit advanced the slot's view: keeps it for the new head if the store appended the
   * commit ({@code nextGroupInfo} at {@code epoch}), else forgets it.
   */
  static void advanced(Slot slot, boolean appended, long epoch, byte[] nextGroupInfo) {
    if (appended) {
      slot.epoch = epoch;
      slot.groupInfo = nextGroupInfo;
    } else {
      slot.view = null;
      slot.epoch = -1;
      slot.groupInfo = null;
    }
  }

  /** Seeds the slot with a view just built from {@code groupInfo} at {@code epoch}. */
  static void seed(Slot slot, PublicGroupView view, long epoch, byte[] groupInfo) {
    slot.view = view;
    slot.epoch = epoch;
    slot.groupInfo = groupInfo.clone();
  }

  /** Forgets a dropped meeting. */
  void forget(byte[] meetingId) {
    slots.remove(StoreState.key(meetingId));
  }
}
