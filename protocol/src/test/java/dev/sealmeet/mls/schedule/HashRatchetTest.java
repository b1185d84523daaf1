package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.error.ReplayException;
import dev.sealmeet.mls.crypto.MlsSuite;
import org.junit.jupiter.api.Test;

class HashRatchetTest {
  private final MlsSuite suite = Suites.suite1();

  private HashRatchet ratchet() {
    return new SecretTree(suite, Suites.secret(7, 32), 2).ratchet(1, RatchetType.APPLICATION);
  }

  private static String keyHex(MessageKey key) {
    return Suites.hex(key.key().copyBytes()) + "/" + Suites.hex(key.nonce().copyBytes());
  }

  @Test
  void take_sameGenerationTwice_throwsReplayException() throws Exception {
    HashRatchet r = ratchet();
    r.take(0);
    assertThatThrownBy(() -> r.take(0))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("generation 0");
  }

  @Test
  void take_outOfOrder_skippedKeyUsableOnceAndMatchesInOrderKey() throws Exception {
    HashRatchet inOrder = ratchet();
    inOrder.take(0);
    inOrder.take(1);
    String expected = keyHex(inOrder.take(2));

    HashRatchet r = ratchet();
    r.take(5);
    assertThat(r.skippedKeyCount()).isEqualTo(5);
    assertThat(keyHex(r.take(2))).isEqualTo(expected);
    assertThat(r.skippedKeyCount()).isEqualTo(4);
    assertThatThrownBy(() -> r.take(2)).isInstanceOf(ReplayException.class);
  }

  @Test
  void peek_anyGeneration_changesNoState() throws Exception {
    HashRatchet r = ratchet();
    String first = keyHex(r.peek(3));
    assertThat(r.nextGeneration()).isZero();
    assertThat(r.skippedKeyCount()).isZero();
    assertThat(keyHex(r.peek(3))).isEqualTo(first);
    assertThat(keyHex(r.take(3))).isEqualTo(first);
  }

  @Test
  void peek_beyondForwardWindow_throwsProtocolException() {
    HashRatchet r = ratchet();
    assertThatThrownBy(() -> r.peek(HashRatchet.MAX_FORWARD_DISTANCE + 1L))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("ahead");
    assertThat(r.nextGeneration()).isZero();
  }

  @Test
  void peek_aboveUint32_throwsProtocolException() {
    assertThatThrownBy(() -> ratchet().peek(HashRatchet.MAX_GENERATION + 1))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void take_manySkipped_cacheIsBoundedAndOldestDeleted() throws Exception {
    HashRatchet r = ratchet();
    r.take(HashRatchet.MAX_SKIPPED_KEYS + 10);
    assertThat(r.skippedKeyCount()).isEqualTo(HashRatchet.MAX_SKIPPED_KEYS);
    assertThatThrownBy(() -> r.take(0)).isInstanceOf(ReplayException.class);
    assertThat(r.take(10).generation()).isEqualTo(10);
  }

  @Test
  void consume_keyNotAvailable_throwsIllegalState() throws Exception {
    HashRatchet r = ratchet();
    r.take(0);
    assertThatThrownBy(() -> r.consume(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nextForSending_matchesReceiverKeys() throws Exception {
    HashRatchet sender = ratchet();
    HashRatchet receiver = ratchet();
    for (int i = 0; i < 3; i++) {
      MessageKey sent = sender.nextForSending();
      assertThat(sent.generation()).isEqualTo(i);
      assertThat(keyHex(receiver.take(i))).isEqualTo(keyHex(sent));
    }
    assertThat(sender.nextGeneration()).isEqualTo(3);
  }

  @Test
  void destroy_thenUse_throwsIllegalState() {
    HashRatchet r = ratchet();
    r.destroy();
    assertThatThrownBy(r::nextForSending).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_showsPositionButNoKey() throws Exception {
    HashRatchet r = ratchet();
    MessageKey key = r.peek(0);
    String keyHex = Suites.hex(key.key().copyBytes());
    assertThat(r.toString()).contains("next 0").doesNotContain(keyHex);
    assertThat(key.toString()).isEqualTo("MessageKey[generation 0]").doesNotContain(keyHex);
  }
}
