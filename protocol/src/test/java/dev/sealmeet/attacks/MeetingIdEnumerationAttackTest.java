package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.LobbyGuest;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: meeting IDs were short numbers that could be enumerated, and whoever had one got
 * in. Here the attacker guesses IDs, and, worse, learns the ID of a live meeting and walks in.
 */
class MeetingIdEnumerationAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  @Test
  @DisplayName("meeting ids are 256 random bits, so guessing finds nothing [SM-MLS-5]")
  void meetingIds_areRandom256Bits_guessesFindNothing() throws SealmeetException {
    Set<String> ids = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      byte[] id = Meeting.open(f.client("host" + i), f.ds).id();
      assertThat(id).hasSize(32);
      ids.add(HexFormat.of().formatHex(id));
      prefixes.add(HexFormat.of().formatHex(id, 0, 4));
    }
    assertThat(ids).hasSize(64);
    assertThat(prefixes).hasSize(64); // not sequential, not sharing a stem
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 1000; i++) {
      byte[] guess = new byte[32];
      random.nextBytes(guess);
      assertThatThrownBy(() -> MeetingInternals.fetch(f.ds, guess,
          1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("knowing a live meeting's id gives no key, no entry and no change [SM-LOBBY-1]")
  void knownId_givesNoKey_noEntry_noChange() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    String code = m.get(0).securityCode();
    long epoch = m.get(0).epoch();
    LobbyGuest intruder = LobbyGuest.enter(f.client("intruder"), f.ds, m.get(0).invitation());
    m.get(0).send(MediaKind.AUDIO, new byte[] {1, 2, 3});
    assertThat(intruder.poll()).isEmpty();
    assertThat(f.keysOf("intruder")).isEmpty();
    List<byte[]> frames = MeetingInternals.recorded(f.ds,
        m.get(0).id()).stream().filter(Envelope::hasMedia)
        .map(e -> e.getMedia().getSframe().toByteArray()).toList();
    assertThat(frames).isNotEmpty();
    for (Meeting member : m) {
      member.poll();
      assertThat(member.epoch()).isEqualTo(epoch);
      assertThat(member.securityCode()).isEqualTo(code);
      assertThat(member.leafOf("intruder")).isEmpty();
    }
  }
}
