package dev.sealmeet.meeting.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@code MediaFrame} of {@code meeting.proto}: one SFrame-protected media frame (RFC 9605 §4.2).
 *
 * @param kind {@link #AUDIO}, {@link #VIDEO}, {@link #SIGNATURE}, or any other value as it came
 *     (an open enum)
 * @param sframe the SFrame header and ciphertext (copied in and out)
 */
public record MediaFrame(int kind, byte[] sframe) implements Envelope.Body {
  /** {@code Kind.AUDIO}. */
  public static final int AUDIO = 1;
  /** {@code Kind.VIDEO}. */
  public static final int VIDEO = 2;
  /** {@code Kind.SIGNATURE}: a signature frame of sender authentication (spec §2.7). */
  public static final int SIGNATURE = 3;

  private static final int KIND = 1;
  private static final int SFRAME = 2;

  /** Copies the frame. */
  public MediaFrame {
    sframe = Envelope.copy(sframe);
  }

  /** Its fields to read into, by field number. */
  static ProtoFields fields() {
    return new ProtoFields(ProtoFields.VARINT, ProtoFields.BYTES);
  }

  /** The value of fields read. */
  static MediaFrame of(ProtoFields f) {
    return new MediaFrame(f.int32(KIND), f.bytes(SFRAME));
  }

  /** A copy of the frame. */
  @Override
  public byte[] sframe() {
    return sframe.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.varintField(KIND, kind);
    out.bytesField(SFRAME, sframe);
  }

  /** Equal fields, the frame by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MediaFrame m && kind == m.kind && Arrays.equals(sframe, m.sframe);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(sframe));
  }

  /** Kind and length only. */
  @Override
  public String toString() {
    return "MediaFrame[kind=" + kind + ", sframe=" + sframe.length + " bytes]";
  }
}
