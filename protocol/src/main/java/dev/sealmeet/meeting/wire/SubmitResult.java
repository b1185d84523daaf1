package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.DecodeException;
import java.util.Objects;

/**
 * {@code SubmitResult} of {@code meeting.proto}: the delivery service's answer to a submitted
 * envelope (the library's own answer type is {@code dev.sealmeet.meeting.SubmitResult}).
 *
 * @param status {@link #ACCEPTED}, {@link #STALE_EPOCH}, {@link #REFUSED}, or any other value as
 *     it came (an open enum)
 * @param sequence the envelope's position in the log if accepted
 * @param epoch the meeting's current epoch as the delivery service knows it
 * @param reason for a refusal, what failed
 */
public record SubmitResult(int status, long sequence, long epoch, String reason)
    implements ProtoMessage {
  /** {@code Status.ACCEPTED}. */
  public static final int ACCEPTED = 1;
  /** {@code Status.STALE_EPOCH}. */
  public static final int STALE_EPOCH = 2;
  /** {@code Status.REFUSED}. */
  public static final int REFUSED = 3;

  private static final int STATUS = 1;
  private static final int SEQUENCE = 2;
  private static final int EPOCH = 3;
  private static final int REASON = 4;

  /** Checks the reason. */
  public SubmitResult {
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Decodes an answer (fields in any order, the last value wins, unknown fields skipped).
   *
   * @throws DecodeException if the bytes are not a proto3 encoding of {@code SubmitResult}
   */
  public static SubmitResult decode(byte[] bytes) throws DecodeException {
    ProtoFields f = new ProtoFields(ProtoFields.VARINT, ProtoFields.VARINT, ProtoFields.VARINT,
        ProtoFields.STRING);
    f.readAll(ProtoReader.of(bytes));
    return new SubmitResult(f.int32(STATUS), f.varint(SEQUENCE), f.varint(EPOCH),
        f.string(REASON));
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.varintField(STATUS, status);
    out.varintField(SEQUENCE, sequence);
    out.varintField(EPOCH, epoch);
    out.stringField(REASON, reason);
  }
}
