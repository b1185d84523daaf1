package dev.sealmeet.cli;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.Invitation;
import java.util.List;
import java.util.Map;

/**
 * One participant of {@code sealmeet demo} as its script drives it: first a lobby guest (or the
 * host), then a member. {@link LocalParty} runs it in the demo's JVM; {@link RemoteParty} in a
 * child JVM of {@code demo --network}. Every call happens at the demo's virtual time.
 */
interface DemoParty {
  /** A frame this party protected: the epoch whose key its KID names, and the ciphertext. */
  record Sent(long epoch, byte[] sframe) {}

  /**
   * What a delivered frame met: whether the party was still in the meeting, its epoch then,
   * whether it still counted the sender in, and the frame ids it decrypted (0, 1, or released).
   */
  record Received(boolean active, long epoch, boolean senderKnown, List<Long> decrypted) {}

  String account();

  /** Opens the meeting as its host. */
  void open() throws SealmeetException;

  /** The host's invitation to its lobby. */
  Invitation invitation() throws SealmeetException;

  /** Enters the lobby of {@code invitation}'s meeting (publishes a KeyPackage: a knock). */
  void enter(Invitation invitation) throws SealmeetException;

  /** A lobby guest polls; true once it is a member. */
  boolean joined() throws SealmeetException;

  void admit(String account) throws SealmeetException;

  void remove(String account) throws SealmeetException;

  void leave() throws SealmeetException;

  void update() throws SealmeetException;

  boolean commitPending() throws SealmeetException;

  /** Whether this member has processed everything the log holds (its commit would not be stale). */
  boolean caughtUp() throws SealmeetException;

  long epoch() throws SealmeetException;

  String securityCode() throws SealmeetException;

  /** The roster as {@code leaf=account, ...} (identities verified). */
  String roster() throws SealmeetException;

  /** The security code of every epoch this member was in (this process only). */
  Map<Long, String> securityCodes() throws SealmeetException;

  /** Whether the member is active and has a send key. */
  boolean canSend() throws SealmeetException;

  /** Whether its sends already use the newest epoch's key (the send delay after a commit). */
  boolean sendsNewest() throws SealmeetException;

  Sent protect(byte[] payload) throws SealmeetException;

  /** Hands a frame from {@code from} to the member (unless it is no longer in the meeting). */
  Received deliver(String from, byte[] sframe) throws SealmeetException;

  /** Reads the log; the ids of the frames that came out (held frames released). */
  List<Long> poll() throws SealmeetException;

  /** {@code {held, released}} of its media receiver. */
  long[] mediaStats() throws SealmeetException;

  /** The process dies (nothing closed) and a new one resumes the meeting from its store. */
  void restart() throws SealmeetException;

  /** The media base keys it installed since the last call, by epoch (audit copies, demo only). */
  List<Map.Entry<Long, byte[]>> drainKeys() throws SealmeetException;

  /**
   * The forgeries sender authentication reported to it since the last call (spec §2.7); in this
   * JVM the listener tells the demo directly, so none.
   */
  List<ForgedFrame> drainForged() throws SealmeetException;

  /** Leaves the demo (after a removal or a leave): drops the member. */
  void close() throws SealmeetException;
}
