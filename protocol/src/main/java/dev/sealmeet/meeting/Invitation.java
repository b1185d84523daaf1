package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What a guest needs to find the real meeting: its id and a commitment to the signature key of
 * the member who invites (a host or moderator), {@code SHA-256(signature_key)}. The guest joins
 * only from a Welcome that this member signed ({@link #WELCOME_LABEL}) and that puts it in a group
 * where this member holds a role that may admit (spec §3.3); a group someone else made with the
 * same id is refused, however well-formed. Carry it in the invitation link; it holds no secret.
 *
 * @param meetingId the meeting id (copied in and out)
 * @param admitterKeyHash SHA-256 of the inviting member's signature public key (copied in and out)
 */
public record Invitation(byte[] meetingId, byte[] admitterKeyHash) {
  /** The SignWithLabel label of an admitter's signature over a Welcome it sends. */
  public static final String WELCOME_LABEL = "sealmeet welcome v1";

  /** Copies; checks the hash length. */
  public Invitation {
    meetingId = Objects.requireNonNull(meetingId, "meetingId").clone();
    admitterKeyHash = Objects.requireNonNull(admitterKeyHash, "admitterKeyHash").clone();
    if (admitterKeyHash.length != 32) {
      throw new IllegalArgumentException("the admitter key hash is SHA-256: 32 bytes");
    }
  }

  /** An invitation to {@code meetingId} from the member whose signature key is {@code key}. */
  public static Invitation of(byte[] meetingId, byte[] admitterSignatureKey) {
    return new Invitation(meetingId, keyHash(admitterSignatureKey));
  }

  /** A copy of the meeting id. */
  @Override
  public byte[] meetingId() {
    return meetingId.clone();
  }

  /** A copy of the key commitment. */
  @Override
  public byte[] admitterKeyHash() {
    return admitterKeyHash.clone();
  }

  /** Whether {@code signatureKey} is the key this invitation names. */
  public boolean names(byte[] signatureKey) {
    return MessageDigest.isEqual(admitterKeyHash, keyHash(signatureKey));
  }

  static byte[] keyHash(byte[] signatureKey) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(signatureKey);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** What an admitter signs for a Welcome of {@code meetingId}: both, length-prefixed. */
  static byte[] welcomeToBeSigned(byte[] meetingId, byte[] welcome) {
    return new TlsWriter().writeOpaque(meetingId).writeOpaque(welcome).toByteArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Invitation i && MessageDigest.isEqual(i.meetingId, meetingId)
        && MessageDigest.isEqual(i.admitterKeyHash, admitterKeyHash);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(meetingId) * 31 + java.util.Arrays.hashCode(admitterKeyHash);
  }

  /** Lengths only. */
  @Override
  public String toString() {
    return "Invitation[" + meetingId.length + "-byte meeting id, "
        + "admitter key commitment]";
  }
}
