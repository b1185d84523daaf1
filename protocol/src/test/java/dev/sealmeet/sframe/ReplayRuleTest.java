package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The replay rule of spec §2.4 through the public sender and receiver, with a window of 64: newer
 * CTRs slide the window, CTRs inside it are accepted once, CTRs 64 or more below the highest are
 * too old, and a forged frame never moves the window.
 */
class ReplayRuleTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final int WINDOW = 64;
  private static final long KID = 7;
  private static final byte[] METADATA = {};

  private final Map<Long, byte[]> frames = new HashMap<>();
  private final SframeReceiver receiver = new SframeReceiver(SUITE, new SframeOptions(WINDOW, false));

  ReplayRuleTest() {
    SframeSender sender = new SframeSender(SUITE);
    sender.addKey(KID, key());
    receiver.addKey(KID, key());
    for (long ctr = 0; ctr <= 300; ctr++) {
      frames.put(ctr, sender.protect(KID, METADATA, new byte[] {(byte) ctr}));
    }
  }

  private static Secret key() {
    return Secret.wrap(new byte[16]);
  }

  private byte[] open(long ctr) throws SealmeetException {
    return receiver.unprotect(METADATA, frames.get(ctr));
  }

  @Test
  @DisplayName("a window of W CTRs per KID: inside once, W below the highest too old [SM-MEDIA-11]")
  void window_acceptsInsideOnce_andDropsTooOld() throws SealmeetException {
    assertThat(open(200)).containsExactly((byte) 200);
    assertThat(open(200 - WINDOW + 1)).containsExactly((byte) (200 - WINDOW + 1));
    assertThatThrownBy(() -> open(200 - WINDOW + 1)).isInstanceOf(ReplayException.class);
    assertThatThrownBy(() -> open(200 - WINDOW)).isInstanceOf(ReplayException.class);
    assertThatThrownBy(() -> open(200)).isInstanceOf(ReplayException.class);
    assertThat(open(150)).containsExactly((byte) 150);
    assertThat(open(201)).containsExactly((byte) 201);
    assertThatThrownBy(() -> open(201 - WINDOW)).isInstanceOf(ReplayException.class);
  }

  @Test
  @DisplayName("a forged frame never moves the replay window [SM-MEDIA-11]")
  void forgedFrame_doesNotSlideTheWindow() throws SealmeetException {
    assertThat(open(100)).containsExactly((byte) 100);
    byte[] forged = frames.get(300L).clone();
    forged[forged.length - 1] ^= 1;
    assertThatThrownBy(() -> receiver.unprotect(METADATA, forged))
        .isInstanceOf(AuthenticationException.class);
    assertThat(open(100 - WINDOW + 1)).containsExactly((byte) (100 - WINDOW + 1));
    assertThat(open(300)).containsExactly((byte) 44);
  }
}
