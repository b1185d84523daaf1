package dev.sealmeet.crypto.hpke;

import dev.sealmeet.crypto.Aead;
import dev.sealmeet.crypto.Secret;
import java.util.Arrays;

/**
 * The state shared by both roles of an HPKE context (RFC 9180 §5.2, §5.3): AEAD key, base nonce,
 * sequence number and exporter secret. The sender's and receiver's sides are {@link HpkeSenderContext}
 * and {@link HpkeReceiverContext}.
 *
 * <p>A context is mutable (the sequence number) and its methods are synchronized. {@link #toString()}
 * prints only the suite and the sequence number. {@link #destroy()} wipes the keys.
 */
public abstract class HpkeContext {
  private final Hpke suite;
  private final LabeledKdf kdf;
  private final Aead aead;
  private final byte[] keyScheduleContext;
  private final byte[] key;
  private final byte[] baseNonce;
  private final byte[] exporterSecret;
  private long seq;
  private boolean destroyed;

  HpkeContext(Hpke suite, KeySchedule.Output schedule) {
    this.suite = suite;
    this.kdf = suite.labeledKdf();
    this.aead = suite.aead();
    this.keyScheduleContext = schedule.keyScheduleContext;
    this.key = schedule.key;
    this.baseNonce = schedule.baseNonce;
    this.exporterSecret = schedule.exporterSecret;
  }

  /** The HPKE configuration of this context. */
  public Hpke suite() {
    return suite;
  }

  /**
   * Context.Export(exporter_context, L) (RFC 9180 §5.3).
   *
   * @throws IllegalArgumentException if {@code length} exceeds {@code 255 * Nh}
   * @throws IllegalStateException if the context was destroyed
   */
  public synchronized Secret export(byte[] exporterContext, int length) {
    checkLive();
    return Secret.wrap(kdf.export(exporterSecret, exporterContext, length));
  }

  /** The sequence number of the next Seal or Open. */
  public synchronized long sequenceNumber() {
    return seq;
  }

  /**
   * The {@code key_schedule_context} (mode || psk_id_hash || info_hash) of RFC 9180 §5.1. It holds
   * only hashes of public inputs; exposed for known-answer tests.
   */
  public byte[] keyScheduleContext() {
    return keyScheduleContext.clone();
  }

  /** The AEAD key (empty for the export-only AEAD). For known-answer tests; wipe the copy. */
  synchronized Secret aeadKey() {
    checkLive();
    return Secret.copyOf(key);
  }

  /** The base nonce (empty for the export-only AEAD). For known-answer tests; wipe the copy. */
  synchronized Secret baseNonce() {
    checkLive();
    return Secret.copyOf(baseNonce);
  }

  /** The exporter secret. For known-answer tests; wipe the copy. */
  synchronized Secret exporterSecret() {
    checkLive();
    return Secret.copyOf(exporterSecret);
  }

  /**
   * The AEAD nonce the next Seal or Open will use, base_nonce XOR I2OSP(seq, Nn) (§5.2). For
   * known-answer tests; wipe the copy.
   *
   * @throws IllegalStateException for an export-only or destroyed context
   */
  synchronized Secret nextNonce() {
    return Secret.wrap(currentNonce());
  }

  /** Wipes the key, nonce and exporter secret; every later use throws IllegalStateException. */
  public synchronized void destroy() {
    Arrays.fill(key, (byte) 0);
    Arrays.fill(baseNonce, (byte) 0);
    Arrays.fill(exporterSecret, (byte) 0);
    destroyed = true;
  }

  /** The AEAD nonce for the current sequence number: base_nonce XOR I2OSP(seq, Nn) (§5.2). */
  final byte[] currentNonce() {
    checkLive();
    if (aead == null) {
      throw new IllegalStateException("export-only HPKE context (AEAD 0xffff) cannot seal or open");
    }
    byte[] nonce = baseNonce.clone();
    long s = seq;
    for (int i = nonce.length - 1; i >= nonce.length - 8; i--) {
      nonce[i] ^= (byte) s;
      s >>>= 8;
    }
    return nonce;
  }

  /**
   * IncrementSeq (§5.2). A {@code long} counter stops at 2^63-1, far below the 2^96-1 limit of a
   * 12-byte nonce; reaching it is reported as the RFC's MessageLimitReachedError.
   */
  final void incrementSeq() {
    if (seq == Long.MAX_VALUE) {
      throw new IllegalStateException("HPKE message limit reached (RFC 9180 §5.2)");
    }
    seq++;
  }

  final byte[] key() {
    return key;
  }

  final Aead aead() {
    return aead;
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("HPKE context was destroyed");
    }
  }

  @Override
  public synchronized String toString() {
    return getClass().getSimpleName() + "[" + suite + ", seq " + seq
        + (destroyed ? ", destroyed" : "") + "]";
  }
}
