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
  void successor_roundTrips_upTo255Bytes() {
    byte[] id = new byte[255];
    id[0] = 7;
    byte[] data = EndMessage.encode(id);
    assertThat(EndMessage.is(data)).isTrue();
    assertThat(EndMessage.successor(data)).hasValueSatisfying(s -> assertThat(s).isEqualTo(id));
    assertThatThrownBy(() -> EndMessage.encode(new byte[256]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherContent_isNotAnEnd() {
    byte[] data = EndMessage.encode(new byte[] {1});
    byte[] tooLong = new byte[data.length + 255];
    System.arraycopy(data, 0, tooLong, 0, data.length);
    assertThat(EndMessage.is(tooLong)).isFalse();
    data[0] ^= 1;
    assertThat(EndMessage.is(data)).isFalse();
    assertThat(EndMessage.is("sealmeet end of".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
