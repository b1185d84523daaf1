package dev.sealmeet.attacks;

import dev.sealmeet.meeting.MeetingInternals;
import dev.sealmeet.meeting.MediaKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.ReceivedFrame;
import dev.sealmeet.meeting.proto.Envelope;
import dev.sealmeet.meeting.proto.MediaFrame;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 2020 weakness: media was encrypted with AES-128 in ECB mode, so equal plaintext blocks gave equal
 * ciphertext blocks and nothing was authenticated. Here the attacker is the SFU that forwards the
 * frames: it looks for patterns, and flips, replays and splices bytes.
 */
class EcbMediaAttackTest {
  private final AttackFixtures f = new AttackFixtures();

  private static byte[] body(byte[] sframe) throws SealmeetException {
    int header = SframeHeader.decode(ByteBuffer.wrap(sframe)).encodedLength();
    return Arrays.copyOfRange(sframe, header, sframe.length);
  }

  @Test
  @DisplayName("equal frames and equal blocks give unrelated ciphertext [SM-MEDIA-1] [SM-MEDIA-4]")
  void repeatedPlaintext_showsNoPattern() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    assertThat(m.get(0).media().suite()).isEqualTo(SframeSuite.AES_128_GCM_SHA256_128);
    byte[] frame = new byte[16 * 8]; // eight equal all-zero AES blocks
    byte[] first = m.get(0).send(MediaKind.VIDEO, frame);
    byte[] second = m.get(0).send(MediaKind.VIDEO, frame);
    byte[] a = body(first);
    byte[] b = body(second);
    assertThat(a).hasSize(frame.length + 16); // GCM tag: authenticated encryption
    assertThat(a).isNotEqualTo(b);
    Set<String> blocks = new HashSet<>();
    for (byte[] body : List.of(a, b)) {
      for (int i = 0; i + 16 <= frame.length; i += 16) {
        blocks.add(Arrays.toString(Arrays.copyOfRange(body, i, i + 16)));
      }
    }
    assertThat(blocks).hasSize(16);
    long ctrA = SframeHeader.decode(ByteBuffer.wrap(first)).ctr();
    long ctrB = SframeHeader.decode(ByteBuffer.wrap(second)).ctr();
    assertThat(ctrB).isNotEqualTo(ctrA);
    assertThat(m.get(1).poll()).extracting(ReceivedFrame::payload)
        .containsExactly(frame, frame);
  }

  @Test
  @DisplayName("a frame changed anywhere by the SFU is rejected and changes nothing [SM-MEDIA-5]")
  void tamperedFrame_isRejected_andTheOriginalStillOpens() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    m.get(0).send(MediaKind.AUDIO, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Envelope sent = MeetingInternals.recorded(f.ds,
        m.get(0).id()).stream().filter(Envelope::hasMedia)
        .reduce((x, y) -> y).orElseThrow();
    byte[] sframe = sent.getMedia().getSframe().toByteArray();
    Meeting ann = m.get(1);
    ann.poll();
    ann.media().expire();
    for (int i = 0; i < sframe.length; i++) {
      byte[] tampered = sframe.clone();
      tampered[i] ^= 0x01;
      Envelope forged = sent.toBuilder().setMedia(sent.getMedia().toBuilder()
          .setSframe(com.google.protobuf.ByteString.copyFrom(tampered))).build();
      int at = i;
      assertThatThrownBy(() -> MeetingInternals.process(ann, forged)).as("byte %d", at)
          .isInstanceOf(SealmeetException.class);
    }
    assertThatThrownBy(() -> MeetingInternals.process(ann,
        sent)).isInstanceOf(ReplayException.class);
  }

  @Test
  @DisplayName("a frame replayed by the SFU is refused [SM-MEDIA-5]")
  void replayedFrame_isRefused() throws SealmeetException {
    List<Meeting> m = f.meeting("host", "ann");
    byte[] sframe = m.get(0).send(MediaKind.AUDIO, new byte[] {42});
    assertThat(m.get(1).media().unprotect(null, sframe).payload()).containsExactly(42);
    assertThatThrownBy(() -> m.get(1).media().unprotect(null, sframe))
        .isInstanceOf(ReplayException.class);
  }
}
