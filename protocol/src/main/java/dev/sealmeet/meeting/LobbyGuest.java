package dev.sealmeet.meeting;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant waiting to be admitted. It has handed a KeyPackage to the delivery service's
 * directory and holds that KeyPackage's private keys, nothing else: no leaf in the group, no epoch
 * secret, no media key. It cannot decrypt a frame; it only watches the log for its Welcome.
 *
 * <pre>
 * enter ─► KeyPackage in the directory ─► poll … poll ─► Welcome for my account ─► Meeting
 * </pre>
 */
public final class LobbyGuest implements AutoCloseable {
  private final MeetingClient client;
  private final DeliveryService ds;
  private final byte[] meetingId;
  private final KeyPackageBundle keyPackage;
  private long nextSequence = 1;

  private LobbyGuest(MeetingClient client, DeliveryService ds, byte[] meetingId,
      KeyPackageBundle keyPackage) {
    this.client = client;
    this.ds = ds;
    this.meetingId = meetingId.clone();
    this.keyPackage = keyPackage;
  }

  /** Asks to join {@code meetingId}: publishes a fresh KeyPackage and waits in the lobby. */
  public static LobbyGuest enter(MeetingClient client, DeliveryService ds, byte[] meetingId) {
    Objects.requireNonNull(ds, "ds");
    KeyPackageBundle bundle = client.newKeyPackage(false);
    ds.publishKeyPackage(client.upload(bundle, false));
    return new LobbyGuest(client, ds, meetingId, bundle);
  }

  /** The account waiting. */
  public String account() {
    return client.account();
  }

  /**
   * Reads the log for a Welcome naming this account and joins with it. A Welcome this guest cannot
   * open (not for its KeyPackage, malformed, a tree or credential its verifier refuses) is skipped.
   *
   * @return the meeting, once admitted
   */
  public Optional<Meeting> poll() {
    for (Envelope envelope : ds.fetch(meetingId, nextSequence)) {
      nextSequence = envelope.getSequence() + 1;
      if (!envelope.hasWelcome()
          || !envelope.getWelcome().getRecipientsList().contains(client.account())) {
        continue;
      }
      try {
        MlsGroup group = MlsGroup.join(Envelopes.mls(envelope.getWelcome().getMlsMessage()),
            keyPackage, client.identity(), Optional.empty(), new PskStore(), client.config());
        if (!Arrays.equals(group.groupId(), meetingId)) {
          group.close();
          continue;
        }
        keyPackage.close();
        return Optional.of(Meeting.joined(client, ds, group, nextSequence));
      } catch (SealmeetException e) {
        continue;
      }
    }
    return Optional.empty();
  }

  /** Leaves the lobby: erases the KeyPackage's private keys. */
  @Override
  public void close() {
    keyPackage.close();
  }

  /** Account-free. */
  @Override
  public String toString() {
    return "LobbyGuest[waiting from sequence " + nextSequence + "]";
  }
}
