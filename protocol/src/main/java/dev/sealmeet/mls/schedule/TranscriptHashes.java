package dev.sealmeet.mls.schedule;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.mls.crypto.MlsSuite;

/**
 * The confirmed and interim transcript hashes of an epoch (RFC 9420 §8.2). Public values, not secrets.
 *
 * <pre>
 * confirmed_[n] = Hash(interim_[n-1] || ConfirmedTranscriptHashInput_[n])
 *                    (wire_format || FramedContent || signature&lt;V&gt; of the Commit)
 * confirmation_tag = MAC(confirmation_key_[n], confirmed_[n])     (EpochSecrets#confirmationTag)
 * interim_[n]   = Hash(confirmed_[n] || InterimTranscriptHashInput_[n])   (confirmation_tag&lt;V&gt;)
 * </pre>
 *
 * @param confirmed {@code confirmed_transcript_hash}
 * @param interim {@code interim_transcript_hash}
 */
public record TranscriptHashes(byte[] confirmed, byte[] interim) {
  /** Copies both arrays. */
  public TranscriptHashes {
    confirmed = confirmed.clone();
    interim = interim.clone();
  }

  /** The hashes of epoch 0: both empty (RFC 9420 §8.2). */
  public static TranscriptHashes initial() {
    return new TranscriptHashes(new byte[0], new byte[0]);
  }

  /** Hash(interimBefore || confirmedTranscriptHashInput) (RFC 9420 §8.2). */
  public static byte[] confirmedHash(
      MlsSuite suite, byte[] interimBefore, byte[] confirmedTranscriptHashInput) {
    return suite.primitives().hash(new TlsWriter(interimBefore.length + confirmedTranscriptHashInput.length)
        .writeBytes(interimBefore)
        .writeBytes(confirmedTranscriptHashInput)
        .toByteArray());
  }

  /** Hash(confirmed || InterimTranscriptHashInput{confirmation_tag&lt;V&gt;}) (RFC 9420 §8.2). */
  public static byte[] interimHash(MlsSuite suite, byte[] confirmed, byte[] confirmationTag) {
    return suite.primitives().hash(new TlsWriter(confirmed.length + confirmationTag.length + 4)
        .writeBytes(confirmed)
        .writeOpaque(confirmationTag)
        .toByteArray());
  }

  /**
   * The hashes after a Commit, from this epoch's interim hash, the Commit's
   * ConfirmedTranscriptHashInput and its confirmation tag.
   */
  public TranscriptHashes next(
      MlsSuite suite, byte[] confirmedTranscriptHashInput, byte[] confirmationTag) {
    byte[] newConfirmed = confirmedHash(suite, interim, confirmedTranscriptHashInput);
    return new TranscriptHashes(newConfirmed, interimHash(suite, newConfirmed, confirmationTag));
  }

  /** A copy of the confirmed transcript hash. */
  @Override
  public byte[] confirmed() {
    return confirmed.clone();
  }

  /** A copy of the interim transcript hash. */
  @Override
  public byte[] interim() {
    return interim.clone();
  }

  /** Content equality (records compare arrays by reference otherwise). */
  @Override
  public boolean equals(Object o) {
    return o instanceof TranscriptHashes t
        && java.util.Arrays.equals(confirmed, t.confirmed)
        && java.util.Arrays.equals(interim, t.interim);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(confirmed) + java.util.Arrays.hashCode(interim);
  }

  /** Lengths only (the hashes are public but long). */
  @Override
  public String toString() {
    return "TranscriptHashes[confirmed " + confirmed.length + " bytes, interim " + interim.length
        + " bytes]";
  }
}
