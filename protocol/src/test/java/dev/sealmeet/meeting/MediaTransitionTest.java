package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Key transitions without loss (RFC 9605 §4.4.1, §4.4.4): the send delay after a roster-preserving
 * change, the immediate switch on removal and on join, and the bounded hold of next-epoch frames.
 */
class MediaTransitionTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final Set<Long> ROSTER = Set.of(0L, 1L, 2L);
  private static final Duration DELAY = Duration.ofSeconds(1);
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final Random random = new Random(22);
  private final byte[][] baseKeys = new byte[8][];

  private MediaProtector protector(MediaTransitions transitions) {
    return new MediaProtector(SUITE, KidLayout.defaults(), GracePolicy.defaults(), transitions,
        now::get, SframeOptions.defaults());
  }

  private MediaProtector protector() {
    return protector(MediaTransitions.defaults());
  }

  private Secret baseKey(int epoch) {
    if (baseKeys[epoch] == null) {
      baseKeys[epoch] = new byte[SUITE.keyLength()];
      random.nextBytes(baseKeys[epoch]);
    }
    return Secret.copyOf(baseKeys[epoch]);
  }

  private void install(MediaProtector p, int epoch, long leaf, Set<Long> roster,
      Set<Long> departed) {
    p.install(epoch, baseKey(epoch), roster, OptionalLong.of(leaf), departed);
  }

  private static long epochSlotOf(byte[] frame) throws SealmeetException {
    return KidLayout.defaults().epochSlotOf(SframeHeader.peekKid(ByteBuffer.wrap(frame)));
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  /** Alice (no send delay) has installed epoch 2 and sends under it; Bob is still at epoch 1. */
  private record Ahead(MediaProtector alice, MediaProtector bob) {}

  private Ahead aliceAheadOfBob() {
    MediaProtector alice = protector(MediaTransitions.defaults().withSendDelay(Duration.ZERO));
    MediaProtector bob = protector();
    install(alice, 1, 0, ROSTER, Set.of());
    install(bob, 1, 1, ROSTER, Set.of());
    install(alice, 2, 0, ROSTER, Set.of());
    return new Ahead(alice, bob);
  }

  @Test
  @DisplayName("after an update the sender keeps the old epoch for the send delay [SM-MEDIA-12]")
  void update_sendDelay_thenSwitch() throws SealmeetException {
    MediaProtector alice = protector();
    MediaProtector bob = protector();
    install(alice, 1, 0, ROSTER, Set.of());
    install(bob, 1, 1, ROSTER, Set.of());
    install(alice, 2, 0, ROSTER, Set.of());
    byte[] during = alice.protect(null, new byte[] {1});
    advance(DELAY.minusNanos(1));
    byte[] lastBefore = alice.protect(null, new byte[] {2});
    advance(Duration.ofNanos(1));
    byte[] after = alice.protect(null, new byte[] {3});

    assertThat(epochSlotOf(during)).isEqualTo(1);
    assertThat(epochSlotOf(lastBefore)).isEqualTo(1);
    assertThat(epochSlotOf(after)).isEqualTo(2);
    // Bob has not processed the commit: the delayed frames still decrypt.
    assertThat(bob.unprotect(null, during).epoch()).isEqualTo(1);
    assertThat(bob.unprotect(null, lastBefore).epoch()).isEqualTo(1);
    alice.expire();
    assertThat(alice.sendKid()).isEqualTo(KidLayout.defaults().kid(2, 0));
  }

  @Test
  @DisplayName("a send delay of zero switches at once")
  void zeroDelay_switchesAtOnce() throws SealmeetException {
    MediaProtector alice = protector(MediaTransitions.defaults().withSendDelay(Duration.ZERO));
    install(alice, 1, 0, ROSTER, Set.of());
    install(alice, 2, 0, ROSTER, Set.of());
    assertThat(epochSlotOf(alice.protect(null, new byte[] {1}))).isEqualTo(2);
  }

  @Test
  @DisplayName("a removal switches at once, revokes only the removed sender [SM-MEDIA-12]")
  void removal_switchesAtOnce_andRevokesOnlyTheRemoved() throws SealmeetException {
    MediaProtector alice = protector();
    MediaProtector bob = protector();
    MediaProtector carol = protector();
    install(alice, 1, 0, ROSTER, Set.of());
    install(bob, 1, 1, ROSTER, Set.of());
    install(carol, 1, 2, ROSTER, Set.of());
    byte[] fromBob = bob.protect(null, new byte[] {1});
    byte[] fromCarol = carol.protect(null, new byte[] {2});
    install(alice, 2, 0, Set.of(0L, 1L), Set.of(2L));

    assertThat(epochSlotOf(alice.protect(null, new byte[] {3}))).isEqualTo(2);
    assertThat(alice.unprotect(null, fromBob).epoch()).isEqualTo(1);
    assertThatThrownBy(() -> alice.unprotect(null, fromCarol))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_SENDER));
  }

  @Test
  @DisplayName("a join switches at once: the joiner holds only the new epoch [SM-MEDIA-12]")
  void join_switchesAtOnce() throws SealmeetException {
    MediaProtector alice = protector();
    MediaProtector joiner = protector();
    install(alice, 1, 0, Set.of(0L, 1L), Set.of());
    install(alice, 2, 0, ROSTER, Set.of());
    install(joiner, 2, 2, ROSTER, Set.of());
    assertThat(joiner.unprotect(null, alice.protect(null, new byte[] {1})).epoch()).isEqualTo(2);
  }

  @Test
  @DisplayName("next-epoch frames are held, then released in arrival order [SM-MEDIA-13]")
  void nextEpochFrames_heldThenReleasedInOrder() throws SealmeetException {
    Ahead pair = aliceAheadOfBob();
    MediaProtector alice = pair.alice();
    MediaProtector bob = pair.bob();
    for (byte i = 0; i < 5; i++) {
      assertThat(bob.receive(null, alice.protect(null, new byte[] {i}))).isEmpty();
    }
    assertThat(bob.stats().held()).isEqualTo(5);
    assertThat(bob.drainReleased()).isEmpty();

    install(bob, 2, 1, ROSTER, Set.of());
    List<ReceivedFrame> released = bob.drainReleased();

    assertThat(released).extracting(f -> f.payload()[0]).containsExactly(
        (byte) 0, (byte) 1, (byte) 2, (byte) 3, (byte) 4);
    assertThat(released).allSatisfy(f -> assertThat(f.epoch()).isEqualTo(2));
    assertThat(bob.drainReleased()).isEmpty();
    MediaStats stats = bob.stats();
    assertThat(stats.released()).isEqualTo(5);
    assertThat(stats.decrypted()).isEqualTo(5);
    assertThat(stats.heldDropped()).isZero();
  }

  @Test
  @DisplayName("a frame two epochs ahead is refused, not held")
  void frameTwoEpochsAhead_isRefused() {
    MediaProtector alice = protector(MediaTransitions.defaults().withSendDelay(Duration.ZERO));
    MediaProtector bob = protector();
    install(alice, 3, 0, ROSTER, Set.of());
    install(bob, 1, 1, ROSTER, Set.of());
    byte[] frame = alice.protect(null, new byte[] {1});
    assertThatThrownBy(() -> bob.receive(null, frame))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    assertThat(bob.stats().held()).isZero();
    assertThat(bob.stats().rejectedUnknownEpoch()).isEqualTo(1);
  }

  @Test
  @DisplayName("per-sender and total bounds: a flood never holds more [SM-MEDIA-13]")
  void holdBounds_perSenderAndTotal() throws SealmeetException {
    MediaTransitions small = new MediaTransitions(Duration.ZERO, 3, 5, 1 << 20,
        Duration.ofSeconds(2));
    MediaProtector bob = protector(small);
    install(bob, 1, 1, ROSTER, Set.of());
    List<byte[]> fromAlice = new ArrayList<>();
    List<byte[]> fromCarol = new ArrayList<>();
    MediaProtector alice = protector(small);
    MediaProtector carol = protector(small);
    install(alice, 2, 0, ROSTER, Set.of());
    install(carol, 2, 2, ROSTER, Set.of());
    for (int i = 0; i < 4; i++) {
      fromAlice.add(alice.protect(null, new byte[] {(byte) i}));
      fromCarol.add(carol.protect(null, new byte[] {(byte) (10 + i)}));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(bob.receive(null, fromAlice.get(i))).isEmpty();
    }
    assertThatThrownBy(() -> bob.receive(null, fromAlice.get(3)))
        .isInstanceOf(MeetingRuleException.class).hasMessageContaining("hold buffer is full");
    assertThat(bob.receive(null, fromCarol.get(0))).isEmpty();
    assertThat(bob.receive(null, fromCarol.get(1))).isEmpty();
    assertThatThrownBy(() -> bob.receive(null, fromCarol.get(2)))
        .isInstanceOf(MeetingRuleException.class);

    MediaStats stats = bob.stats();
    assertThat(stats.held()).isEqualTo(5);
    assertThat(stats.droppedHeldOverflow()).isEqualTo(2);
  }

  @Test
  @DisplayName("the byte bound caps a flood of large forged frames")
  void holdBounds_bytes() throws SealmeetException {
    MediaTransitions small = new MediaTransitions(Duration.ZERO, 64, 256, 10_000,
        Duration.ofSeconds(2));
    MediaProtector bob = protector(small);
    install(bob, 1, 1, ROSTER, Set.of());
    int held = 0;
    for (int i = 0; i < 1000; i++) {
      byte[] forged = new byte[3_000];
      random.nextBytes(forged);
      forged[0] = (byte) 0x82; // KID in one extra byte, CTR 2
      forged[1] = (byte) ((1 + i % 3) << 4 | 2); // leaf 1..3, epoch slot 2 (the next epoch)
      try {
        if (bob.receive(null, forged).isEmpty()) {
          held++;
        }
      } catch (MeetingRuleException full) {
        assertThat(full.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH);
      }
    }
    assertThat(held).isEqualTo(3); // 3 x 3,000 bytes fit in 10,000; a fourth does not
    install(bob, 2, 1, ROSTER, Set.of());
    assertThat(bob.drainReleased()).isEmpty();
    assertThat(bob.stats().droppedHeldInvalid()).isEqualTo(3);
  }

  @Test
  @DisplayName("held frames past the hold time are dropped and counted [SM-MEDIA-13]")
  void holdTime_expiredFramesDropped() throws SealmeetException {
    Ahead pair = aliceAheadOfBob();
    MediaProtector alice = pair.alice();
    MediaProtector bob = pair.bob();
    assertThat(bob.receive(null, alice.protect(null, new byte[] {1}))).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(bob.receive(null, alice.protect(null, new byte[] {2}))).isEmpty();
    advance(Duration.ofMillis(1_500));

    install(bob, 2, 1, ROSTER, Set.of());

    assertThat(bob.drainReleased()).extracting(f -> f.payload()[0]).containsExactly((byte) 2);
    assertThat(bob.stats().droppedHeldExpired()).isEqualTo(1);
  }

  @Test
  @DisplayName("frames held for a skipped epoch are dropped [SM-MEDIA-13]")
  void skippedEpoch_heldFramesDropped() throws SealmeetException {
    Ahead pair = aliceAheadOfBob();
    MediaProtector alice = pair.alice();
    MediaProtector bob = pair.bob();
    assertThat(bob.receive(null, alice.protect(null, new byte[] {1}))).isEmpty();

    install(bob, 3, 1, ROSTER, Set.of());

    assertThat(bob.drainReleased()).isEmpty();
    assertThat(bob.stats().droppedHeldSkipped()).isEqualTo(1);
  }

  @Test
  @DisplayName("a frame held twice is released once: the replay window still decides")
  void duplicateHeldFrame_releasedOnce() throws SealmeetException {
    Ahead pair = aliceAheadOfBob();
    MediaProtector alice = pair.alice();
    MediaProtector bob = pair.bob();
    byte[] frame = alice.protect(null, new byte[] {1});
    assertThat(bob.receive(null, frame)).isEmpty();
    assertThat(bob.receive(null, frame)).isEmpty();

    install(bob, 2, 1, ROSTER, Set.of());

    assertThat(bob.drainReleased()).hasSize(1);
    assertThat(bob.stats().droppedHeldInvalid()).isEqualTo(1);
    assertThatThrownBy(() -> bob.unprotect(null, frame)).isInstanceOf(SealmeetException.class);
  }

  @Test
  @DisplayName("a member that stopped sending (removed) holds nothing: no next epoch will come")
  void stoppedMember_holdsNothing() {
    MediaProtector alice = protector(MediaTransitions.defaults().withSendDelay(Duration.ZERO));
    MediaProtector bob = protector();
    install(alice, 1, 0, ROSTER, Set.of());
    install(bob, 1, 1, ROSTER, Set.of());
    install(alice, 2, 0, Set.of(0L, 2L), Set.of(1L));
    bob.stopSending();
    byte[] frame = alice.protect(null, new byte[] {1});
    assertThatThrownBy(() -> bob.receive(null, frame)).isInstanceOf(MeetingRuleException.class);
    assertThat(bob.stats().held()).isZero();
  }
}
