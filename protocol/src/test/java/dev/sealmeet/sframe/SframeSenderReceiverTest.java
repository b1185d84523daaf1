package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.error.SealmeetException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SframeSenderReceiverTest {
  private static final SframeOptions OPTIONS = SframeOptions.defaults().withProvisionalSuites(true);
  private static final byte[] PAYLOAD = "a media frame".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] METADATA = {1, 2, 3};

  private static Secret key(int seed) {
    byte[] k = new byte[16];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (seed + i);
    }
    return Secret.wrap(k);
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void protectUnprotect_everySuite_roundTrips(SframeSuite suite) throws SealmeetException {
    SframeSender sender = new SframeSender(suite, OPTIONS);
    SframeReceiver receiver = new SframeReceiver(suite, OPTIONS);
    sender.addKey(0x42, key(1));
    receiver.addKey(0x42, key(1));
    byte[] frame = sender.protect(0x42, METADATA, PAYLOAD);
    assertThat(frame).hasSize(sender.suite().tagLength() + PAYLOAD.length + 2);
    assertThat(receiver.unprotect(METADATA, frame)).isEqualTo(PAYLOAD);
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void protectUnprotect_directAndReadOnlyBuffers_roundTrip(SframeSuite suite) throws SealmeetException {
    SframeSender sender = new SframeSender(suite, OPTIONS);
    SframeReceiver receiver = new SframeReceiver(suite, OPTIONS);
    sender.addKey(0x42, key(1));
    receiver.addKey(0x42, key(1));
    ByteBuffer metadata = ByteBuffer.allocateDirect(METADATA.length).put(METADATA).flip();
    ByteBuffer plaintext = ByteBuffer.allocateDirect(PAYLOAD.length).put(PAYLOAD).flip();
    ByteBuffer wire = ByteBuffer.allocateDirect(PAYLOAD.length + suite.maxOverhead());
    int frameLength = sender.protect(0x42, metadata.asReadOnlyBuffer(), plaintext.asReadOnlyBuffer(), wire);
    wire.flip();
    assertThat(wire.remaining()).isEqualTo(frameLength);
    ByteBuffer out = ByteBuffer.allocateDirect(PAYLOAD.length);
    receiver.unprotect(metadata.asReadOnlyBuffer(), wire.asReadOnlyBuffer(), out);
    byte[] plain = new byte[PAYLOAD.length];
    out.flip().get(plain);
    assertThat(plain).isEqualTo(PAYLOAD);
    assertThat(metadata.position()).isZero();
  }

  @Test
  void protect_counters_startAtZeroAndIncrease() throws DecodeException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(3, key(1));
    for (long expected = 0; expected < 10; expected++) {
      byte[] frame = sender.protect(3, null, PAYLOAD);
      assertThat(SframeHeader.decode(ByteBuffer.wrap(frame))).isEqualTo(new SframeHeader(3, expected));
    }
    assertThat(sender.nextCounter(3)).isEqualTo(10);
  }

  @Test
  void protect_lastCounter_isUsedThenKeyIsExhausted() throws DecodeException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_CTR_HMAC_SHA256_80);
    sender.addKey(1, key(1), -2L);
    byte[] first = sender.protect(1, null, PAYLOAD);
    byte[] last = sender.protect(1, null, PAYLOAD);
    assertThat(SframeHeader.decode(ByteBuffer.wrap(first)).ctr()).isEqualTo(-2L);
    assertThat(SframeHeader.decode(ByteBuffer.wrap(last)).ctr()).isEqualTo(-1L);
    assertThatThrownBy(() -> sender.protect(1, null, PAYLOAD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exhausted");
    assertThatThrownBy(() -> sender.nextCounter(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void protect_exhaustedKey_otherKidsStillWork() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(1, key(1), -1L);
    sender.addKey(2, key(2));
    sender.protect(1, null, PAYLOAD);
    assertThatThrownBy(() -> sender.protect(1, null, PAYLOAD)).isInstanceOf(IllegalStateException.class);
    assertThat(sender.protect(2, null, PAYLOAD)).isNotEmpty();
  }

  @Test
  void protect_destinationTooSmall_consumesNothing() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(1, key(1));
    ByteBuffer plaintext = ByteBuffer.wrap(PAYLOAD);
    ByteBuffer dst = ByteBuffer.allocate(sender.protectedLength(1, PAYLOAD.length) - 1);
    assertThatThrownBy(() -> sender.protect(1, null, plaintext, dst))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(plaintext.position()).isZero();
    assertThat(dst.position()).isZero();
    assertThat(sender.nextCounter(1)).isZero();
  }

  @Test
  void protect_unknownKid_isMisuse() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    assertThatThrownBy(() -> sender.protect(9, null, PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no send key for KID 0x9");
  }

  @Test
  void addKey_sameKidTwice_isRefused() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(1, key(1));
    assertThatThrownBy(() -> sender.addKey(1, key(2))).isInstanceOf(IllegalStateException.class);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    receiver.addKey(1, key(1));
    assertThatThrownBy(() -> receiver.addKey(1, key(2))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unprotect_afterKeyRemoval_throwsUnknownKid() throws SealmeetException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(0x1234, key(1));
    receiver.addKey(0x1234, key(1));
    byte[] first = sender.protect(0x1234, null, PAYLOAD);
    byte[] second = sender.protect(0x1234, null, PAYLOAD);
    receiver.unprotect(null, first);
    assertThat(receiver.removeKey(0x1234)).isTrue();
    assertThat(receiver.removeKey(0x1234)).isFalse();
    assertThatThrownBy(() -> receiver.unprotect(null, second))
        .isInstanceOfSatisfying(UnknownKidException.class, e -> assertThat(e.kid()).isEqualTo(0x1234))
        .hasMessageContaining("RFC 9605 §4.4.4")
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(sender.removeKey(0x1234)).isTrue();
    assertThatThrownBy(() -> sender.protect(0x1234, null, PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removeKeys_oneEpoch_leavesOtherEpochsWorking() throws SealmeetException {
    // RFC 9605 §5.2 layout with E = 4 epoch bits: KID = (index << 4) | epoch.
    SframeSuite suite = SframeSuite.AES_128_GCM_SHA256_128;
    SframeSender sender = new SframeSender(suite);
    SframeReceiver receiver = new SframeReceiver(suite);
    for (long index = 0; index < 40; index++) {
      for (long epoch = 14; epoch <= 15; epoch++) {
        long kid = index << 4 | epoch;
        sender.addKey(kid, key((int) kid));
        receiver.addKey(kid, key((int) kid));
      }
    }
    byte[] oldEpoch = sender.protect(3L << 4 | 14, null, PAYLOAD);
    byte[] newEpoch = sender.protect(3L << 4 | 15, null, PAYLOAD);
    assertThat(receiver.removeKeys(kid -> (kid & 0xf) == 14)).isEqualTo(40);
    assertThat(receiver.unprotect(null, newEpoch)).isEqualTo(PAYLOAD);
    assertThatThrownBy(() -> receiver.unprotect(null, oldEpoch)).isInstanceOf(UnknownKidException.class);
    for (long index = 0; index < 40; index++) {
      assertThat(receiver.hasKey(index << 4 | 15)).isTrue();
      assertThat(receiver.hasKey(index << 4 | 14)).isFalse();
    }
  }

  @Test
  void unprotect_wrongKeyForKid_failsAuthenticationWithoutStackTrace() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_CTR_HMAC_SHA256_32);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_CTR_HMAC_SHA256_32);
    sender.addKey(5, key(1));
    receiver.addKey(5, key(2));
    byte[] frame = sender.protect(5, null, PAYLOAD);
    assertThatThrownBy(() -> receiver.unprotect(null, frame))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    assertThat(receiver.hasAccepted(5)).isFalse();
  }

  @Test
  void unprotect_wrongMetadata_failsAuthentication() {
    SframeSender sender = new SframeSender(SframeSuite.AES_256_GCM_SHA512_128);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_256_GCM_SHA512_128);
    sender.addKey(5, key(1));
    receiver.addKey(5, key(1));
    byte[] frame = sender.protect(5, METADATA, PAYLOAD);
    assertThatThrownBy(() -> receiver.unprotect(null, frame)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void unprotect_replayAfterSuccess_isRejected() throws SealmeetException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(5, key(1));
    receiver.addKey(5, key(1));
    byte[] frame = sender.protect(5, null, PAYLOAD);
    receiver.unprotect(null, frame);
    assertThatThrownBy(() -> receiver.unprotect(null, frame))
        .isInstanceOf(ReplayException.class)
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void unprotect_windowEdges_oldestAcceptedOneOlderRejected() throws SealmeetException {
    SframeSuite suite = SframeSuite.AES_128_CTR_HMAC_SHA256_64;
    SframeSender sender = new SframeSender(suite);
    SframeReceiver receiver = new SframeReceiver(suite, SframeOptions.defaults().withReplayWindow(128));
    sender.addKey(1, key(1));
    receiver.addKey(1, key(1));
    byte[][] frames = new byte[130][];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = sender.protect(1, null, PAYLOAD);
    }
    receiver.unprotect(null, frames[129]);
    assertThatThrownBy(() -> receiver.unprotect(null, frames[1])).isInstanceOf(ReplayException.class);
    assertThat(receiver.unprotect(null, frames[2])).isEqualTo(PAYLOAD);
    assertThat(receiver.highestCounter(1)).isEqualTo(129);
  }

  @Test
  void unprotect_shorterThanHeaderPlusTag_isDecodeException() {
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    receiver.addKey(1, key(1));
    byte[] frame = new byte[16];
    frame[0] = 0x10; // KID 1, CTR 0, then 15 bytes: one short of the tag
    assertThatThrownBy(() -> receiver.unprotect(null, frame))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("shorter than");
  }

  @Test
  void unprotect_destinationTooSmall_throwsDecodeExceptionAndConsumesNothing() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(1, key(1));
    receiver.addKey(1, key(1));
    ByteBuffer frame = ByteBuffer.wrap(sender.protect(1, null, PAYLOAD));
    ByteBuffer dst = ByteBuffer.allocate(PAYLOAD.length - 1);
    assertThatThrownBy(() -> receiver.unprotect(null, frame, dst))
        .isInstanceOf(DecodeException.class);
    assertThat(frame.position()).isZero();
    assertThat(receiver.hasAccepted(1)).isFalse();
  }

  @Test
  void unprotect_byteBuffers_advanceCursorsAndKeepMetadata() throws SealmeetException {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_CTR_HMAC_SHA256_80);
    SframeReceiver receiver = new SframeReceiver(SframeSuite.AES_128_CTR_HMAC_SHA256_80);
    sender.addKey(300, key(1));
    receiver.addKey(300, key(1));
    ByteBuffer metadata = ByteBuffer.wrap(METADATA);
    ByteBuffer wire = ByteBuffer.allocate(100);
    wire.position(7);
    int frameLength = sender.protect(300, metadata, ByteBuffer.wrap(PAYLOAD), wire);
    assertThat(wire.position()).isEqualTo(7 + frameLength);
    assertThat(metadata.position()).isZero();
    wire.flip().position(7);
    ByteBuffer out = ByteBuffer.allocateDirect(64);
    int length = receiver.unprotect(metadata, wire, out);
    assertThat(length).isEqualTo(PAYLOAD.length);
    assertThat(wire.hasRemaining()).isFalse();
    assertThat(out.position()).isEqualTo(PAYLOAD.length);
    byte[] plain = new byte[length];
    out.flip().get(plain);
    assertThat(plain).isEqualTo(PAYLOAD);
  }

  @Test
  void constructor_provisionalSuiteWithoutOptIn_isRefused() {
    assertThatThrownBy(() -> new SframeSender(SframeSuite.AES_256_CTR_HMAC_SHA512_80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("provisional");
    assertThatThrownBy(() -> new SframeReceiver(SframeSuite.AES_256_CTR_HMAC_SHA512_32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SframeSuite.fromId(6)).isInstanceOf(SealmeetException.class);
  }

  @Test
  void options_replayWindowNotPowerOfTwo_isRefused() {
    assertThatThrownBy(() -> SframeOptions.defaults().withReplayWindow(100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SframeOptions.defaults().withReplayWindow(32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_neverShowsKeyMaterial() {
    byte[] raw = new byte[16];
    java.util.Arrays.fill(raw, (byte) 0xab);
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(1, Secret.copyOf(raw));
    SframeKeyMaterial material = SframeKeySchedule.derive(SframeSuite.AES_128_GCM_SHA256_128, 1,
        Secret.copyOf(raw));
    String keyHex = HexFormat.of().formatHex(material.key().copyBytes());
    String saltHex = HexFormat.of().formatHex(material.salt().copyBytes());
    for (String s : new String[] {sender.toString(), material.toString(),
        new SframeReceiver(SframeSuite.AES_128_GCM_SHA256_128).toString(),
        SframeAead.create(SframeSuite.AES_128_GCM_SHA256_128, material.key()).toString()}) {
      assertThat(s).doesNotContain("abab", keyHex, saltHex, keyHex.substring(0, 8));
    }
  }
}
