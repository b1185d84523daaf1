package dev.sealmeet.mls.group;

import java.util.List;
import java.util.Optional;

/**
 * One client of an interop group, Sealmeet or BouncyCastle, seen only through the bytes it sends
 * and receives (RFC 9420 MLSMessage encodings) and the values both must agree on (§8.5, §8.7).
 * Methods throw {@link Exception} because BouncyCastle's API does.
 */
interface InteropMember {
  /** The client's name, for assertion messages. */
  String name();

  /** Which implementation this is: "Sealmeet" or "BouncyCastle". */
  String kind();

  /** An MLSMessage carrying this client's fresh KeyPackage (§10). */
  byte[] keyPackage() throws Exception;

  /** Creates a one-member group with {@code groupId} (§11). */
  void create(byte[] groupId) throws Exception;

  /** Joins from an {@code mls_welcome} MLSMessage, with the ratchet tree if sent out of band. */
  void join(byte[] welcome, Optional<byte[]> ratchetTree) throws Exception;

  /**
   * Commits the received proposals plus Adds of {@code keyPackages} and Removes of {@code
   * removedLeaves} by value (§12.4), and applies the commit at once, as if the delivery service
   * had confirmed it.
   *
   * @param path include an UpdatePath even where §12.4 would allow leaving it out
   */
  Committed commit(List<byte[]> keyPackages, List<Long> removedLeaves, boolean path)
      throws Exception;

  /** Proposes a fresh leaf for this member (§12.1.2), as a PublicMessage. */
  byte[] proposeUpdate() throws Exception;

  /** Processes a proposal (stored) or a commit (applied) of another member. */
  void handle(byte[] handshake) throws Exception;

  /** Protects application data (§6.3). */
  byte[] protect(byte[] data, byte[] authenticatedData) throws Exception;

  /** Decrypts application data of another member: the authenticated data and the plaintext. */
  byte[][] unprotect(byte[] message) throws Exception;

  /** The current epoch. */
  long epoch();

  /** This member's leaf index. */
  long leafIndex();

  /** The current {@code epoch_authenticator} (§8.7). */
  byte[] epochAuthenticator() throws Exception;

  /** MLS-Exporter(label, context, length) of the current epoch (§8.5). */
  byte[] export(String label, byte[] context, int length) throws Exception;

  /**
   * What a commit produced.
   *
   * @param commit the commit MLSMessage for the members
   * @param welcome the {@code mls_welcome} MLSMessage, if the commit adds members
   * @param ratchetTree the new tree's {@code ratchet_tree} extension data, if it goes out of band
   */
  record Committed(byte[] commit, Optional<byte[]> welcome, Optional<byte[]> ratchetTree) {}
}
