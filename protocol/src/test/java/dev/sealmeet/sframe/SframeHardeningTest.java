package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 8: typed errors for oversized frames, nonce rules, and wiping on close and destroy. */
class SframeHardeningTest {
  private static final SframeOptions OPTIONS = SframeOptions.defaults().withProvisionalSuites(true);
  private static final byte[] PAYLOAD = new byte[100];

  private static Secret key(int seed) {
    byte[] k = new byte[16];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) (seed + i);
    }
    return Secret.wrap(k);
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void unprotect_frameLargerThanDestination_throwsDecodeExceptionAndChangesNothing(
      SframeSuite suite) throws SealmeetException {
    SframeSender sender = new SframeSender(suite, OPTIONS);
    SframeReceiver receiver = new SframeReceiver(suite, OPTIONS);
    sender.addKey(7, key(1));
    receiver.addKey(7, key(1));
    byte[] frame = sender.protect(7, null, PAYLOAD);
    ByteBuffer in = ByteBuffer.wrap(frame);
    ByteBuffer small = ByteBuffer.allocate(PAYLOAD.length - 1);

    assertThatThrownBy(() -> receiver.unprotect(null, in, small))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("room for " + (PAYLOAD.length - 1));

    assertThat(in.position()).isZero();
    assertThat(small.position()).isZero();
    assertThat(receiver.hasAccepted(7)).isFalse();
    assertThat(receiver.unprotect(null, in, ByteBuffer.allocate(PAYLOAD.length)))
        .isEqualTo(PAYLOAD.length);
  }

  @Test
  void unprotect_replayedFrameLargerThanDestination_isTypedEitherWay() throws SealmeetException {
    SframeSuite suite = SframeSuite.AES_128_GCM_SHA256_128;
    SframeSender sender = new SframeSender(suite);
    SframeReceiver receiver = new SframeReceiver(suite);
    sender.addKey(7, key(1));
    receiver.addKey(7, key(1));
    byte[] frame = sender.protect(7, null, PAYLOAD);
    receiver.unprotect(null, frame);
    assertThatThrownBy(() -> receiver.unprotect(null, ByteBuffer.wrap(frame), ByteBuffer.allocate(1)))
        .isInstanceOf(SealmeetException.class);
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void addKey_sameKidAndKeyAfterRemove_carriesCounterOnSoNoNonceRepeats(SframeSuite suite)
      throws DecodeException {
    SframeSender sender = new SframeSender(suite, OPTIONS);
    sender.addKey(9, key(1));
    byte[] first = sender.protect(9, null, PAYLOAD);
    sender.protect(9, null, PAYLOAD);
    assertThat(sender.removeKey(9)).isTrue();

    sender.addKey(9, key(1));

    assertThat(sender.nextCounter(9)).isEqualTo(2);
    byte[] again = sender.protect(9, null, PAYLOAD);
    assertThat(SframeHeader.decode(ByteBuffer.wrap(again)).ctr()).isEqualTo(2);
    assertThat(again).isNotEqualTo(first);
  }

  @Test
  void removeKeys_thenAddKey_carriesCounterOn() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_CTR_HMAC_SHA256_80);
    sender.addKey(0x10, key(1));
    sender.protect(0x10, null, PAYLOAD);
    assertThat(sender.removeKeys(kid -> kid == 0x10)).isEqualTo(1);
    sender.addKey(0x10, key(2));
    assertThat(sender.nextCounter(0x10)).isEqualTo(1);
  }

  @Test
  void addKey_firstCtrBelowCounterReached_isRefused() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(9, key(1), 5);
    sender.protect(9, null, PAYLOAD);
    sender.removeKey(9);

    assertThatThrownBy(() -> sender.addKey(9, key(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would reuse nonces");
    assertThatThrownBy(() -> sender.addKey(9, key(1), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sender.hasKey(9)).isFalse();
    sender.addKey(9, key(1), 6);
    assertThat(sender.nextCounter(9)).isEqualTo(6);
  }

  @Test
  void addKey_kidExhaustedBeforeRemove_isRefusedForAnyKeyAndCtr() {
    SframeSender sender = new SframeSender(SframeSuite.AES_128_GCM_SHA256_128);
    sender.addKey(9, key(1), -1L);
    sender.protect(9, null, PAYLOAD);
    sender.removeKey(9);
    assertThatThrownBy(() -> sender.addKey(9, key(2))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sender.addKey(9, key(2), 0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nonceChoosingMethods_areNotPublic() throws ReflectiveOperationException {
    assertThat(Modifier.isPublic(SframeAead.class
        .getDeclaredMethod("encrypt", byte[].class, byte[].class, byte[].class).getModifiers()))
        .isFalse();
    assertThat(Modifier.isPublic(SframeKeySchedule.class
        .getDeclaredMethod("nonce", Secret.class, long.class).getModifiers())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void sframeAeadEncryptsTo_matchesOnlyTheRightCiphertext(SframeSuite suite) {
    Secret k = Secret.wrap(new byte[suite.keyLength()]);
    byte[] nonce = new byte[SframeSuite.NONCE_LENGTH];
    byte[] ct = SframeAead.create(suite, k).encrypt(nonce, new byte[0], PAYLOAD);
    assertThat(SframeAead.create(suite, k).encryptsTo(nonce, new byte[0], PAYLOAD, ct)).isTrue();
    ct[0] ^= 1;
    assertThat(SframeAead.create(suite, k).encryptsTo(nonce, new byte[0], PAYLOAD, ct)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void frameAeadDestroy_afterUse_leavesEveryByteArrayZero(SframeSuite suite) throws Exception {
    byte[] k = new byte[suite.keyLength()];
    k[0] = 1;
    FrameAead aead = FrameAead.create(suite, k);
    byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    ByteBuffer out = ByteBuffer.allocate(PAYLOAD.length + suite.tagLength());
    aead.seal(nonce, new byte[] {1}, 1, ByteBuffer.allocate(0), ByteBuffer.wrap(PAYLOAD), out);
    out.flip();
    aead.open(nonce, new byte[] {1}, 1, ByteBuffer.allocate(0), out,
        ByteBuffer.allocate(PAYLOAD.length));

    aead.destroy();

    assertThat(nonZeroArrays(aead, "aead")).isEmpty();
  }

  @Test
  void close_senderAndReceiver_wipeEveryKeyAndRefuseUse() throws Exception {
    SframeSuite suite = SframeSuite.AES_128_CTR_HMAC_SHA256_80;
    SframeSender sender = new SframeSender(suite);
    SframeReceiver receiver = new SframeReceiver(suite);
    sender.addKey(1, key(1));
    sender.addKey(2, key(2));
    receiver.addKey(1, key(1));
    receiver.unprotect(null, sender.protect(1, null, PAYLOAD));
    List<FrameKey> held = new ArrayList<>();
    for (Object owner : List.of(sender, receiver)) {
      FrameKeyStore store = (FrameKeyStore) field(owner, "keys");
      for (long kid = 1; kid <= 2; kid++) {
        if (store.get(kid) != null) {
          held.add(store.get(kid));
        }
      }
    }
    assertThat(held).hasSize(3);

    try (SframeSender s = sender; SframeReceiver r = receiver) {
      assertThat(s.hasKey(1)).isTrue();
    }

    for (FrameKey key : held) {
      assertThat(nonZeroArrays(key, "key")).isEmpty();
    }
    assertThat(sender.hasKey(1)).isFalse();
    assertThatThrownBy(() -> sender.protect(1, null, PAYLOAD))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sender.addKey(3, key(3))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> receiver.unprotect(null, new byte[20]))
        .isInstanceOf(UnknownKidException.class); // closed: no key left, the typed media failure
    assertThatThrownBy(() -> receiver.addKey(3, key(3))).isInstanceOf(IllegalStateException.class);
    sender.close();
    receiver.close();
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field f = owner.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(owner);
  }

  /**
   * The paths of the byte arrays reachable from {@code root} through fields of types declared in
   * this package (FrameKey, FrameAead subclasses, Hmac) that still hold a non-zero byte.
   */
  private static List<String> nonZeroArrays(Object root, String path)
      throws ReflectiveOperationException {
    List<String> out = new ArrayList<>();
    for (Class<?> c = root.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object value = f.get(root);
        if (value instanceof byte[] bytes) {
          for (byte b : bytes) {
            if (b != 0) {
              out.add(path + "." + f.getName());
              break;
            }
          }
        } else if (value != null && value.getClass().getPackageName().equals("dev.sealmeet.sframe")
            && !(value instanceof SframeSuite)) {
          out.addAll(nonZeroArrays(value, path + "." + f.getName()));
        }
      }
    }
    return out;
  }
}
