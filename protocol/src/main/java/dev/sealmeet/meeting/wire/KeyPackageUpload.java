package dev.sealmeet.meeting.wire;

import dev.sealmeet.error.DecodeException;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code KeyPackageUpload} of {@code meeting.proto}: a KeyPackage handed to the delivery service's
 * directory.
 *
 * @param account the account name
 * @param lastResort whether the KeyPackage may be handed out more than once
 * @param mlsMessage the MLSMessage carrying the KeyPackage (copied in and out)
 */
public record KeyPackageUpload(String account, boolean lastResort, byte[] mlsMessage)
    implements ProtoMessage {
  private static final int ACCOUNT = 1;
  private static final int LAST_RESORT = 2;
  private static final int MLS_MESSAGE = 3;

  /** Checks the account and copies the message. */
  public KeyPackageUpload {
    Objects.requireNonNull(account, "account");
    mlsMessage = Envelope.copy(mlsMessage);
  }

  /**
   * Decodes an upload (fields in any order, the last value wins, unknown fields skipped).
   *
   * @throws DecodeException if the bytes are not a proto3 encoding of {@code KeyPackageUpload}
   */
  public static KeyPackageUpload decode(byte[] bytes) throws DecodeException {
    ProtoFields f = new ProtoFields(ProtoFields.STRING, ProtoFields.VARINT, ProtoFields.BYTES);
    f.readAll(ProtoReader.of(bytes));
    return new KeyPackageUpload(f.string(ACCOUNT), f.varint(LAST_RESORT) != 0,
        f.bytes(MLS_MESSAGE));
  }

  /** A copy of the MLSMessage. */
  @Override
  public byte[] mlsMessage() {
    return mlsMessage.clone();
  }

  @Override
  public void writeTo(ProtoWriter out) {
    out.stringField(ACCOUNT, account);
    out.varintField(LAST_RESORT, lastResort ? 1 : 0);
    out.bytesField(MLS_MESSAGE, mlsMessage);
  }

  /** Equal fields, the message by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof KeyPackageUpload k && account.equals(k.account)
        && lastResort == k.lastResort && Arrays.equals(mlsMessage, k.mlsMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(account, lastResort, Arrays.hashCode(mlsMessage));
  }

  /** Flag and length only: no account name. */
  @Override
  public String toString() {
    return "KeyPackageUpload[lastResort=" + lastResort + ", mlsMessage=" + mlsMessage.length
        + " bytes]";
  }
}
