package dev.sealmeet.cli;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.Invitation;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.MediaProtector;
import dev.sealmeet.meeting.MediaStats;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.SenderAuthentication;
import dev.sealmeet.meeting.StorageException;
import dev.sealmeet.meeting.TransportException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link DemoParty} in this JVM: a {@link LobbyGuest}, then a {@link Meeting}, over the delivery
 * service view it is given. The in-process demo runs every party so; a child JVM of {@code demo
 * --network} runs one.
 */
final class LocalParty implements DemoParty {
  /** Makes the party's client (same identity each time; a new one after a restart). */
  @FunctionalInterface
  interface Clients {
    MeetingClient client() throws StorageException;
  }

  /** The one stream a demo party sends on (audio and video alike). */
  static final long STREAM = 1;

  private final String account;
  private final Clients clients;
  private final DeliveryService ds;
  private final Predicate<Meeting> caughtUp;
  private LobbyGuest guest;
  private Meeting meeting;

  /**
   * @param caughtUp whether a member has processed all the log holds (the demo asks before it
   *     commits)
   */
  LocalParty(String account, Clients clients, DeliveryService ds, Predicate<Meeting> caughtUp) {
    this.account = account;
    this.clients = clients;
    this.ds = ds;
    this.caughtUp = caughtUp;
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public void open() throws SealmeetException {
    meeting = Meeting.open(clients.client(), ds);
  }

  @Override
  public Invitation invitation() throws SealmeetException {
    return meeting.invitation();
  }

  @Override
  public void enter(Invitation invitation) throws SealmeetException {
    guest = LobbyGuest.enter(clients.client(), ds, invitation);
  }

  @Override
  public boolean joined() throws SealmeetException {
    Optional<Meeting> joined = guest.poll();
    joined.ifPresent(m -> meeting = m);
    return joined.isPresent();
  }

  @Override
  public void admit(String other) throws SealmeetException {
    meeting.admit(other);
  }

  @Override
  public void remove(String other) throws SealmeetException {
    meeting.remove(meeting.leafOf(other).getAsLong());
  }

  @Override
  public void leave() throws SealmeetException {
    meeting.leave();
  }

  @Override
  public void update() throws SealmeetException {
    meeting.update();
  }

  @Override
  public boolean commitPending() throws SealmeetException {
    return meeting.commitPending();
  }

  @Override
  public boolean caughtUp() {
    return caughtUp.test(meeting);
  }

  @Override
  public long epoch() {
    return meeting.epoch();
  }

  @Override
  public String securityCode() {
    return meeting.securityCode();
  }

  @Override
  public String roster() {
    StringBuilder roster = new StringBuilder();
    meeting.roster().forEach((leaf, id) -> roster.append(roster.length() == 0 ? "" : ", ")
        .append(leaf).append('=').append(id.account()));
    return roster.toString();
  }

  @Override
  public Map<Long, String> securityCodes() {
    return meeting.securityCodes();
  }

  @Override
  public boolean canSend() {
    return meeting.status() == Meeting.Status.ACTIVE && meeting.media().canSend();
  }

  @Override
  public boolean sendsNewest() {
    MediaProtector media = meeting.media();
    return sendEpoch(media) == media.currentEpoch().getAsLong();
  }

  /**
   * Protects through the meeting's sender authentication when its group requires it (spec §2.7):
   * the relay is the application's own media path, so its frames are signed and the signature
   * frames due go through the delivery service at the next poll.
   */
  @Override
  public Sent protect(byte[] payload) {
    MediaProtector media = meeting.media();
    Optional<SenderAuthentication> auth = meeting.senderAuthentication();
    byte[] sframe = auth.isPresent() ? auth.get().protect(STREAM, payload)
        : media.protect(null, payload);
    return new Sent(sendEpoch(media), sframe);
  }

  /** The epoch whose key the send KID names: the newest, or an earlier one during a delay. */
  private static long sendEpoch(MediaProtector media) {
    int slot = media.layout().epochSlotOf(media.sendKid());
    long epoch = media.currentEpoch().getAsLong();
    while (media.layout().epochSlot(epoch) != slot) {
      epoch--;
    }
    return epoch;
  }

  @Override
  public Received deliver(String from, byte[] sframe) {
    if (meeting == null || meeting.status() != Meeting.Status.ACTIVE) {
      return new Received(false, -1, false, List.of());
    }
    long epoch = meeting.epoch();
    boolean known = meeting.leafOf(from).isPresent();
    List<Long> ids = new ArrayList<>();
    try {
      Optional<SenderAuthentication> auth = meeting.senderAuthentication();
      (auth.isPresent() ? auth.get().receive(sframe) : meeting.media().receive(null, sframe))
          .ifPresent(f -> ids.add(idOf(f)));
    } catch (SealmeetException refused) {
      // Counted by the proofs: a delivery that was due to decrypt and did not is a lost frame.
    }
    return new Received(true, epoch, known, ids);
  }

  @Override
  public List<Long> poll() {
    try {
      List<Long> ids = new ArrayList<>();
      meeting.poll().forEach(f -> ids.add(idOf(f)));
      return ids;
    } catch (TransportException | StorageException e) {
      throw new IllegalStateException("the delivery service or store failed", e);
    }
  }

  /** The frame id the demo wrote at the start of every payload. */
  static long idOf(ReceivedFrame frame) {
    return ByteBuffer.wrap(frame.payload()).getLong();
  }

  @Override
  public long[] mediaStats() {
    MediaStats stats = meeting.media().stats();
    return new long[] {stats.held(), stats.released()};
  }

  @Override
  public void restart() throws SealmeetException {
    meeting = Meeting.resume(clients.client(), ds, meeting.id());
  }

  /** A new process resumes meeting {@code meetingId} from its store. */
  void resume(byte[] meetingId) throws SealmeetException {
    meeting = Meeting.resume(clients.client(), ds, meetingId);
  }

  /** The member's epoch, or -1 in the lobby. */
  long epochOrNone() {
    return meeting == null ? -1 : meeting.epoch();
  }

  byte[] meetingId() {
    return meeting.id();
  }

  @Override
  public List<Map.Entry<Long, byte[]>> drainKeys() {
    return List.of(); // in this JVM the audit hands them to the demo directly
  }

  @Override
  public List<ForgedFrame> drainForged() {
    return List.of(); // in this JVM the listener tells the demo directly
  }

  @Override
  public void close() {
    meeting.close();
  }
}
