package dev.sealmeet.meeting;

/**
 * One envelope of a meeting's log, as the delivery service hands it out ({@link
 * DeliveryService#fetch}, {@link DeliveryService#subscribe}). The bytes are the envelope's wire
 * encoding (the Protobuf schema {@code sealmeet/meeting/v1/meeting.proto}), which carries the
 * same sequence number; {@link Meeting#process(byte[])} reads it from there.
 *
 * @param sequence the envelope's position in the log, from 1
 * @param bytes the encoded envelope (copied in and out)
 */
public record SequencedEnvelope(long sequence, byte[] bytes) {
  /** Checks the sequence number and copies the bytes. */
  public SequencedEnvelope {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1, got " + sequence);
    }
    bytes = bytes.clone();
  }

  /** A copy of the encoded envelope. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Sequence and length only. */
  @Override
  public String toString() {
    return "SequencedEnvelope[" + sequence + ", " + bytes.length + " bytes]";
  }
}
