package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.RequiredCapabilities;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The three ways a {@link Meeting} begins for a member: opened by its host, joined from a
 * Welcome, or resumed from the member's {@link MeetingStore}. Each is saved before it is used.
 */
final class MeetingStart {
  private MeetingStart() {}

  /**
   * What a resumed member starts with beyond its group: whether it may send, and the media keys
   * of the epochs before the current one that were within their grace when it was saved.
   */
  record Resumed(boolean sendBlocked, List<EpochMediaKeys.Saved> past) {
    static final Resumed NONE = new Resumed(false, List.of());

    /**
     * Installs the saved epochs, all before {@code current}, as received-only, oldest first.
     *
     * @throws DecodeException if they are not in increasing order below {@code current}, or a
     *     base key is not the suite's length (damaged saved state); nothing is installed then
     */
    void installPast(MediaProtector media, long current) throws DecodeException {
      long previous = -1;
      for (EpochMediaKeys.Saved e : past) {
        if (e.epoch() <= previous || e.epoch() >= current
            || e.baseKey().length != media.baseKeyLength()) {
          throw new DecodeException("saved media epoch " + e.epoch() + " out of order or damaged");
        }
        previous = e.epoch();
      }
      for (EpochMediaKeys.Saved e : past) {
        media.install(e.epoch(), Secret.wrap(e.baseKey()), e.senders(), OptionalLong.empty(),
            java.util.Set.of());
      }
    }
  }

  static Meeting open(MeetingClient host, DeliveryService ds) throws SealmeetException {
    byte[] meetingId = new byte[32];
    new SecureRandom().nextBytes(meetingId);
    MlsGroup group = MlsGroup.create(host.newKeyPackage(false), host.identity(), meetingId,
        extensions(host, ds), new PskStore(), host.config());
    try {
      ds.openMeeting(meetingId, group.groupInfo(true));
    } catch (TransportException e) {
      group.close();
      throw e;
    }
    return started(host, ds, group, 1);
  }

  /**
   * The GroupContext extensions of a meeting {@code host} opens (spec §1.2): roles, media
   * parameters, the delivery service as external sender, sender authentication if its options
   * require it (spec §2.7), and the required
   * capabilities naming every extension type a member
   * must support.
   */
  private static List<Extension> extensions(MeetingClient host, DeliveryService ds) {
    SenderAuthParams auth = host.options().senderAuthentication(); // null: opened without it
    List<Extension> out = new ArrayList<>(List.of(
        Roles.withHost(host.identity().credential()).toExtension(),
        MediaParameters.of(host.options()).toExtension()));
    if (auth != null) {
      out.add(SenderAuthRequirement.of(auth).toExtension());
    }
    out.add(ExternalSender.toExtension(List.of(ds.externalSender())));
    out.add(new RequiredCapabilities(host.meetingExtensionTypes(auth != null), List.of(),
        List.of()).toExtension());
    return out;
  }

  /**
   * The member's media plane for the meeting's media parameters (spec §2.1): the SFrame suite,
   * {@code E}, grace and send delay the group names, whatever {@code options} say; the hold
   * bounds and SFrame options are the member's own, with send counters reserved through its
   * store if it has one. Opening, joining and resuming all come here, so every member of a
   * meeting uses the values in its group.
   *
   * @throws DecodeException if the group names no media parameters (not a meeting) or they are
   *     malformed
   * @throws MeetingRuleException ({@link MeetingRule#MEDIA_PARAMETERS}) if this client cannot
   *     honour them
   */
  static MediaProtector mediaPlane(MeetingOptions options, MlsGroup group, MeetingSaver saver)
      throws DecodeException, MeetingRuleException {
    SframeOptions sframe = options.sframeOptions();
    MediaParameters p = MediaParameters.in(group.context().extensions()).orElseThrow(
        () -> new DecodeException("the group names no media parameters: not a meeting"))
        .requireHonouredBy(sframe);
    return new MediaProtector(p.suite(), p.kidLayout(), p.grace(),
        p.transitions(options.mediaTransitions()), options.nanoTime(),
        saver.marks().map(sframe::withCounterReservation).orElse(sframe));
  }

  static Meeting joined(MeetingClient client, DeliveryService ds, MlsGroup group,
      long nextSequence) throws SealmeetException {
    return started(client, ds, group, nextSequence);
  }

  private static Meeting started(MeetingClient client, DeliveryService ds, MlsGroup group,
      long nextSequence) throws SealmeetException {
    Meeting meeting;
    try {
      meeting = new Meeting(client, ds, group, nextSequence,
          MeetingSaver.of(client, group.groupId()), Resumed.NONE);
      meeting.save();
    } catch (SealmeetException e) {
      group.close();
      throw e;
    }
    meeting.tell.entered();
    return meeting;
  }

  /** See {@link Meeting#resume} and {@link Meeting#resumeOlder}. */
  static Meeting resume(MeetingClient client, DeliveryService ds, byte[] meetingId,
      boolean acceptOlder) throws SealmeetException {
    MeetingSaver saver = MeetingSaver.of(client, meetingId);
    VersionedRecord record = saver.record().orElseThrow(
        () -> new IllegalStateException("the client's runtime has no store to resume from"));
    StateRecord saved = record.readNewest("state", acceptOlder,
        "; Meeting.resumeOlder continues from it without sending until an own commit");
    boolean older = record.isOlder(saved);
    MeetingState.Saved s = MeetingState.read(saved.bytes());
    if (!s.account().equals(client.account())) {
      throw new DecodeException("the saved state is another account's");
    }
    MlsGroup group = MlsGroup.fromBytes(s.group(), client.identity(), new PskStore(),
        client.config());
    try {
      if (!Arrays.equals(group.groupId(), meetingId)) {
        throw new DecodeException("the saved state is another meeting's");
      }
      Meeting m = new Meeting(client, ds, group, s.nextSequence(), saver,
          new Resumed(s.sendBlocked() || older, s.media()));
      if (s.gone()) {
        m.status = Meeting.Status.GONE;
        m.media.stopSending();
      }
      m.successor = s.successor();
      m.successorAdmitterKey = s.successorAdmitterKey();
      m.received.addAll(s.received());
      if (s.inFlight() == null) {
        group.discardPendingCommit();
      } else if (!group.hasPendingCommit()) {
        throw new DecodeException("the saved state has a commit in flight but no pending epoch");
      }
      m.commits.restore(s.inFlight(), s.outbox(), s.leave(), s.leaveOrderedEpoch());
      m.save();
      m.tell.entered();
      return m;
    } catch (SealmeetException | RuntimeException e) {
      group.close();
      throw e;
    }
  }
}
