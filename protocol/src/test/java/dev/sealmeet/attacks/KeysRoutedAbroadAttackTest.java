package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.ForwardingDeliveryService;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import java.util.function.Consumer;
import dev.sealmeet.meeting.SubmitResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: meeting keys were routed through servers in other countries. Here the attacker is
 * every network hop and relay between the clients and the delivery service (any jurisdiction): a
 * tap that records every byte each client sends or receives, KeyPackages and Welcomes included.
 */
class KeysRoutedAbroadAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  /** A relay in another country: forwards everything and keeps a copy of every byte. */
  private static final class Tap extends ForwardingDeliveryService {
    final List<byte[]> seen = new ArrayList<>();

    Tap(DeliveryService next) {
      super(next);
    }

    @Override
    public void openMeeting(byte[] meetingId, dev.sealmeet.mls.message.MlsMessage groupInfo)
        throws TransportException {
      seen.add(groupInfo.toBytes());
      next.openMeeting(meetingId, groupInfo);
    }

    @Override
    public SubmitResult submit(byte[] envelope) throws TransportException {
      seen.add(envelope.clone());
      return next.submit(envelope);
    }

    @Override
    public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
        throws TransportException {
      List<SequencedEnvelope> out = next.fetch(meetingId, fromSequence);
      out.forEach(e -> seen.add(e.bytes()));
      return out;
    }

    @Override
    public Subscription subscribe(byte[] meetingId, long fromSequence,
        Consumer<SequencedEnvelope> listener) throws TransportException {
      return next.subscribe(meetingId, fromSequence, e -> {
        seen.add(e.bytes());
        listener.accept(e);
      });
    }

    @Override
    public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
        throws TransportException {
      seen.add(entry.keyPackage());
      next.publishKeyPackage(meetingId, entry);
    }

    @Override
    public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
         throws TransportException {
      Optional<KeyPackageEntry> out = next.claimKeyPackage(meetingId, account);
      out.ifPresent(u -> seen.add(u.keyPackage()));
      return out;
    }
  }

  @Test
  @DisplayName("no key crosses the network in the clear, Welcomes included [SM-MLS-4] [SM-SEC-1]")
  void everyByteOnTheRoute_holdsNoKey() throws SealmeetException {
    Tap tap = new Tap(f.ds);
    Meeting host = Meeting.open(f.client("host"), tap);
    List<Meeting> m = new ArrayList<>(List.of(host));
    for (String account : List.of("ann", "ben")) {
      LobbyGuest guest = LobbyGuest.enter(f.client(account), tap, host.invitation());
      host.admit(account);
      m.add(guest.poll().orElseThrow());
      MeetingInternals.pollAll(m);
    }
    m.get(1).update();
    MeetingInternals.pollAll(m);
    m.get(2).send(MediaKind.VIDEO, "whiteboard".getBytes(StandardCharsets.UTF_8));
    MeetingInternals.pollAll(m);

    assertThat(tap.seen).isNotEmpty();
    assertThat(f.installed).hasSizeGreaterThanOrEqualTo(6);
    for (AttackFixtures.InstalledKey key : f.installed) {
      assertThat(tap.seen).noneMatch(b -> AttackFixtures.contains(b, key.baseKey()));
    }
    for (Meeting member : m) {
      byte[] authenticator = MeetingInternals.group(member).epochAuthenticator();
      byte[] exported = MeetingInternals.group(member).export("probe", new byte[0], 32);
      assertThat(tap.seen).noneMatch(b -> AttackFixtures.contains(b, authenticator));
      assertThat(tap.seen).noneMatch(b -> AttackFixtures.contains(b, exported));
    }
    assertThat(tap.seen).noneMatch(b -> AttackFixtures.contains(b,
        "whiteboard".getBytes(StandardCharsets.UTF_8)));
    assertThat(m).allSatisfy(member ->
        assertThat(member.securityCode()).isEqualTo(host.securityCode()));
  }

  @Test
  @DisplayName("a rerouted Welcome opens only for its recipient [SM-LOBBY-2]")
  void reroutedWelcome_joinsNobodyElse() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    LobbyGuest zoe = LobbyGuest.enter(f.client("zoe"), f.ds, m.get(0).invitation());
    // The relay renames the account so that "yan" takes zoe's Welcome for its own.
    LobbyGuest yan = LobbyGuest.enter(f.client("yan"), f.ds, m.get(0).invitation());
    m.get(0).admit("zoe");
    Envelope welcome = MeetingInternals.recorded(f.ds,
        m.get(0).id()).stream().filter(Envelope::hasWelcome)
        .reduce((a, b) -> b).orElseThrow();
    MeetingInternals.submit(f.ds,
        welcome.toBuilder().setSequence(0).setWelcome(welcome.getWelcome().toBuilder()
        .clearRecipients().addRecipients("yan")).build());
    assertThat(yan.poll()).isEmpty();
    assertThat(f.keysOf("yan")).isEmpty();
    assertThat(zoe.poll()).isPresent();
  }
}
