package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Spec §2.1: a frame the meeting layer sends is protected with empty SFrame metadata, so another
 * implementation opens it with the epoch's base key and no metadata, and with any other metadata
 * it fails authentication.
 */
class MediaMetadataTest {
  @Test
  @DisplayName("meeting frames carry empty SFrame metadata [SM-MEDIA-10]")
  void sentFrame_opensWithEmptyMetadataOnly() throws SealmeetException {
    Map<String, byte[]> baseKeys = new ConcurrentHashMap<>();
    MeetingFixtures f = new MeetingFixtures(MeetingOptions.defaults()
        .withAudit((account, epoch, key) -> baseKeys.put(account + "@" + epoch, key)));
    List<Meeting> m = f.meeting("host", "ann");
    Meeting host = m.get(0);
    byte[] payload = {4, 5, 6};
    byte[] sframe = host.send(MediaKind.VIDEO, payload);

    long kid = SframeHeader.decode(ByteBuffer.wrap(sframe)).kid();
    SframeReceiver receiver = new SframeReceiver(f.options.sframeSuite());
    receiver.addKey(kid, Secret.wrap(baseKeys.get("host@" + host.epoch())));
    assertThatThrownBy(() -> receiver.unprotect(new byte[] {1}, sframe))
        .isInstanceOf(AuthenticationException.class);
    assertThat(receiver.unprotect(new byte[0], sframe)).isEqualTo(payload);
  }
}
