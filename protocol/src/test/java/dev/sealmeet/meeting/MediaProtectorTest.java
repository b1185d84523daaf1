package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeOptions;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * MLS-keyed SFrame (RFC 9605 §5.2): the KID layout, key selection from the KID bits with no trial
 * decryption, and the grace window of previous epochs in time and in count.
 */
class MediaProtectorTest {
  private static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final byte[][] baseKeys = new byte[40][];

  private byte[] baseKey(long epoch) {
    if (baseKeys[(int) epoch] == null) {
      baseKeys[(int) epoch] = new byte[SUITE.keyLength()];
      RANDOM.nextBytes(baseKeys[(int) epoch]);
    }
    return baseKeys[(int) epoch];
  }

  private MediaProtector protector(int epochBits, GracePolicy grace) {
    return new MediaProtector(SUITE, new KidLayout(epochBits), grace, now::get);
  }

  private void install(MediaProtector p, long epoch, long ownLeaf) {
    p.install(epoch, Secret.copyOf(baseKey(epoch)), Set.of(0L, 1L, 2L, 5L),
        OptionalLong.of(ownLeaf));
  }

  @Test
  @DisplayName("KID = epoch low bits, sender leaf [SM-MEDIA-3]")
  void kid_carriesEpochLowBitsAndSenderIndex() {
    KidLayout layout = new KidLayout(4);
    // The example of RFC 9605 §5.2 (E = 4): epoch 14, index 3 -> 0x3e; epoch 17, index 33 -> 0x211.
    assertThat(layout.kid(14, 3)).isEqualTo(0x3eL);
    assertThat(layout.kid(15, 20)).isEqualTo(0x14fL);
    assertThat(layout.kid(17, 33)).isEqualTo(0x211L);
    assertThat(layout.epochSlotOf(0x211L)).isEqualTo(1);
    assertThat(layout.senderOf(0x211L)).isEqualTo(33);
    assertThat(new KidLayout(2).kid(6, 1)).isEqualTo(0b110L);
    assertThatThrownBy(() -> new KidLayout(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> layout.kid(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("frames are sent under the current epoch KID [SM-REKEY-3] [SM-MEDIA-3]")
  void sentFrame_headerKid_isTheLayoutsKid() throws SealmeetException {
    MediaProtector alice = protector(3, GracePolicy.defaults());
    install(alice, 9, 5);
    byte[] frame = alice.protect(null, new byte[] {1, 2, 3});
    long kid = SframeHeader.decode(ByteBuffer.wrap(frame)).kid();
    assertThat(kid).isEqualTo((5L << 3) | 1).isEqualTo(alice.sendKid());
  }

  @Test
  @DisplayName("the receiver picks the epoch from the KID [SM-MEDIA-5]")
  void receiver_selectsEpochFromKid_acrossTwoHeldEpochs() throws SealmeetException {
    MediaProtector alice = protector(4, GracePolicy.defaults());
    MediaProtector bob = protector(4, GracePolicy.defaults());
    install(alice, 1, 0);
    install(bob, 1, 1);
    byte[] old = alice.protect(null, "epoch one".getBytes());
    install(alice, 2, 0);
    install(bob, 2, 1);
    byte[] fresh = alice.protect(null, "epoch two".getBytes());
    assertThat(bob.heldEpochs()).containsExactly(1L, 2L);
    ReceivedFrame late = bob.unprotect(null, old);
    ReceivedFrame current = bob.unprotect(null, fresh);
    assertThat(late.epoch()).isEqualTo(1);
    assertThat(late.senderLeaf()).isZero();
    assertThat(new String(late.payload())).isEqualTo("epoch one");
    assertThat(current.epoch()).isEqualTo(2);
    assertThat(new String(current.payload())).isEqualTo("epoch two");
  }

  @Test
  @DisplayName("a protector over an explicit JCE provider interoperates with the default one")
  void explicitProvider_framesOpenWithDefaultProvider() throws SealmeetException {
    SframeOptions sunJce = SframeOptions.defaults().withProvider(Security.getProvider("SunJCE"));
    MediaProtector alice =
        new MediaProtector(SUITE, new KidLayout(4), GracePolicy.defaults(), now::get, sunJce);
    MediaProtector bob = protector(4, GracePolicy.defaults());
    install(alice, 1, 0);
    install(bob, 1, 1);
    byte[] frame = alice.protect(null, "provider".getBytes());
    assertThat(new String(bob.unprotect(null, frame).payload())).isEqualTo("provider");
  }

  @Test
  @DisplayName("no trial decryption with another epoch key [SM-MEDIA-5]")
  void kidNamingAnotherEpoch_isNotRetriedWithTheKeyThatWouldOpenIt() {
    MediaProtector bob = protector(4, GracePolicy.defaults());
    install(bob, 1, 1);
    install(bob, 2, 1);
    // A frame under epoch 2's base key whose KID claims epoch 1: bob holds the key that would open
    // it, but the KID selects epoch 1's key only, so it fails instead of being retried.
    try (SframeSender forger = new SframeSender(SUITE)) {
      long lyingKid = new KidLayout(4).kid(1, 0);
      forger.addKey(lyingKid, Secret.copyOf(baseKey(2)));
      byte[] frame = forger.protect(lyingKid, null, new byte[] {9});
      assertThatThrownBy(() -> bob.unprotect(null, frame))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  @DisplayName("unknown epoch or non-member sender is rejected [SM-MEDIA-6]")
  void kidOfNonMember_orUnheldEpoch_isRejectedWithoutDecrypting() throws SealmeetException {
    MediaProtector bob = protector(4, GracePolicy.defaults());
    install(bob, 3, 1);
    try (SframeSender stranger = new SframeSender(SUITE)) {
      long strangerKid = new KidLayout(4).kid(3, 7);
      stranger.addKey(strangerKid, Secret.copyOf(baseKey(3)));
      byte[] frame = stranger.protect(strangerKid, null, new byte[] {1});
      assertThatThrownBy(() -> bob.unprotect(null, frame))
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_SENDER));
      long otherEpochKid = new KidLayout(4).kid(4, 0);
      stranger.addKey(otherEpochKid, Secret.copyOf(baseKey(3)));
      byte[] other = stranger.protect(otherEpochKid, null, new byte[] {1});
      assertThatThrownBy(() -> bob.unprotect(null, other))
          .isInstanceOfSatisfying(MeetingRuleException.class,
              e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    }
    assertThatThrownBy(() -> bob.unprotect(null, new byte[] {(byte) 0xff}))
        .isInstanceOf(SealmeetException.class);
  }

  @Test
  @DisplayName("old epoch keys live for the grace time only [SM-MEDIA-7]")
  void graceTime_framesInFlightDecrypt_thenTheKeysAreGone() throws SealmeetException {
    MediaProtector alice = protector(4, new GracePolicy(Duration.ofMillis(500), 2));
    MediaProtector bob = protector(4, new GracePolicy(Duration.ofMillis(500), 2));
    install(alice, 1, 0);
    install(bob, 1, 1);
    byte[] inFlight1 = alice.protect(null, new byte[] {1});
    byte[] inFlight2 = alice.protect(null, new byte[] {2});
    install(alice, 2, 0);
    install(bob, 2, 1);
    now.addAndGet(Duration.ofMillis(400).toNanos());
    assertThat(bob.unprotect(null, inFlight1).epoch()).isEqualTo(1);
    now.addAndGet(Duration.ofMillis(200).toNanos());
    assertThatThrownBy(() -> bob.unprotect(null, inFlight2))
        .isInstanceOfSatisfying(MeetingRuleException.class,
            e -> assertThat(e.rule()).isEqualTo(MeetingRule.UNKNOWN_EPOCH));
    assertThat(bob.heldEpochs()).containsExactly(2L);
  }

  @Test
  @DisplayName("at most the grace count of old epochs is kept [SM-MEDIA-7]")
  void graceCount_oldestEpochErased_whenMoreThanAllowedAreReplaced() {
    MediaProtector bob = protector(4, new GracePolicy(Duration.ofHours(1), 1));
    install(bob, 1, 1);
    install(bob, 2, 1);
    assertThat(bob.heldEpochs()).containsExactly(1L, 2L);
    install(bob, 3, 1);
    assertThat(bob.heldEpochs()).containsExactly(2L, 3L);
    bob.expire();
    assertThat(bob.heldEpochs()).containsExactly(2L, 3L);
  }

  @Test
  @DisplayName("a new epoch in the same KID slot erases the old one [SM-MEDIA-8]")
  void epochWithSameLowBits_erasesTheOldOne() {
    MediaProtector bob = protector(1, new GracePolicy(Duration.ofHours(1), 1));
    install(bob, 2, 1);
    install(bob, 4, 1);
    assertThat(bob.heldEpochs()).containsExactly(4L);
  }

  @Test
  void close_erasesEverything_andToStringHoldsNoKey() {
    MediaProtector bob = protector(4, GracePolicy.defaults());
    install(bob, 1, 1);
    assertThat(bob.toString()).doesNotContain(java.util.HexFormat.of().formatHex(baseKey(1)));
    bob.close();
    assertThat(bob.heldEpochs()).isEmpty();
    assertThat(bob.canSend()).isFalse();
    assertThatThrownBy(() -> bob.unprotect(null, new byte[8]))
        .isInstanceOf(IllegalStateException.class);
  }
}
