package dev.sealmeet.meeting.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code WelcomeMessage} of {@code meeting.proto}: a Welcome for the members a commit adds, as an
 * MLSMessage, signed by its admitter.
 *
 * @param epoch the epoch the Welcome opens
 * @param recipients the account names of the KeyPackages it was made for, in wire order
 * @param mlsMessage the MLSMessage (copied in and out)
 * @param admitterSignature the admitter's signature over meeting id and message (copied in and out)
 * @param commitSequence the sequence number of the commit that opens the epoch, 0 if unknown
 */
public record WelcomeMessage(long epoch, List<String> recipients, byte[] mlsMessage,
    byte[] admitterSignature, long commitSequence) implements Envelope.Body {
  private static final int EPOCH = 1;
  private static final int RECIPIENTS = 2;
  private static final int MLS_MESSAGE = 3;
  private static final int ADMITTER_SIGNATURE = 4;
  private static final int COMMIT_SEQUENCE = 5;

  /** Copies the list and the byte strings. */
  public WelcomeMessage {
    recipients = List.copyOf(recipients);
    mlsMessage = Envelope.copy(mlsMessage);
    admitterSignature = Envelope.copy(admitterSignature);
  }

  /** Its fields to read into, by field number. */
  static ProtoFields fields() {
    return new ProtoFields(ProtoFields.VARINT, ProtoFields.STRINGS, ProtoFields.BYTES,
        ProtoFields.BYTES, ProtoFields.VARINT);
  }

  /** The value of fields read. */
  static WelcomeMessage of(ProtoFields f) {
    return new WelcomeMessage(f.varint(EPOCH), f.strings(RECIPIENTS), f.bytes(MLS_MESSAGE),
        f.bytes(ADMITTER_SIGNATURE), f.varint(COMMIT_SEQUENCE));
  }

  /** A copy of the MLSMessage. */
  @Override
  public byte[] mlsMessage() {
    return mlsMessage.clone();
  }

  /** A copy of the admitter's signature. */
  @Override
  public byte[] admitterSignature() {
    return admitterSignature.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.varintField(EPOCH, epoch);
    for (String recipient : recipients) {
      out.stringElement(RECIPIENTS, recipient);
    }
    out.bytesField(MLS_MESSAGE, mlsMessage);
    out.bytesField(ADMITTER_SIGNATURE, admitterSignature);
    out.varintField(COMMIT_SEQUENCE, commitSequence);
  }

  /** Equal fields, byte strings by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WelcomeMessage w && epoch == w.epoch && recipients.equals(w.recipients)
        && Arrays.equals(mlsMessage, w.mlsMessage)
        && Arrays.equals(admitterSignature, w.admitterSignature)
        && commitSequence == w.commitSequence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, recipients, Arrays.hashCode(mlsMessage),
        Arrays.hashCode(admitterSignature), commitSequence);
  }

  /** Epoch, counts and lengths only: no account name. */
  @Override
  public String toString() {
    return "WelcomeMessage[epoch=" + epoch + ", recipients=" + recipients.size()
        + ", mlsMessage=" + mlsMessage.length + " bytes, admitterSignature="
        + admitterSignature.length + " bytes, commitSequence=" + commitSequence + "]";
  }
}
