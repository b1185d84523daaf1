package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The end-of-meeting content (spec §3.5): the label, optionally followed by a successor id. */
class EndMessageTest {
  @Test
  void plainEnd_isTheLabel_andNamesNoSuccessor() {
    byte[] data = EndMessage.encode(new byte[0]);
    assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo("sealmeet end of meeting");
    assertThat(EndMessage.is(data)).isTrue();
    assertThat(EndMessage.successor(data)).isEmpty();
  }

  @Test
  void successor_roundTrips_asAMeetingIdOf32Bytes() {
    byte[] id = new byte[32];
    id[0] = 7;
    byte[] data = EndMessage.encode(id);
    assertThat(EndMessage.is(data)).isTrue();
    assertThat(EndMessage.successor(data)).hasValueSatisfying(s -> assertThat(s).isEqualTo(id));
    for (int length : new int[] {1, 31, 33, 255}) {
      assertThatThrownBy(() -> EndMessage.encode(new byte[length]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void otherContent_isNotAnEnd() {
    byte[] data = EndMessage.encode(new byte[32]);
    for (int extra : new int[] {1, 31, 33, 255}) {
      byte[] other = new byte[data.length - 32 + extra];
      System.arraycopy(data, 0, other, 0, data.length - 32);
      assertThat(EndMessage.is(other)).as("%d bytes after the label", extra).isFalse();
    }
    data[0] ^= 1;
    assertThat(EndMessage.is(data)).isFalse();
    assertThat(EndMessage.is("sealmeet end of".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
