package dev.sealmeet.meeting;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.message.LeafNode;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant waiting to be admitted. It has handed a KeyPackage to the delivery service's
 * directory and holds that KeyPackage's private keys, nothing else: no leaf in the group, no epoch
 * secret, no media key. It cannot decrypt a frame; it only watches the log for its Welcome.
 *
 * <pre>
 * enter(invitation) ─► KeyPackage in the directory ─► poll … poll ─► Welcome for my account
 *   ─► opens with my KeyPackage, group id is the meeting's, signed by the invitation's admitter,
 *      who may admit in the group ─► Meeting
 *   ─► otherwise skipped; if it used up my KeyPackage (an impostor's), a fresh one is published
 * </pre>
 */
public final class LobbyGuest implements AutoCloseable {
  /** Most KeyPackages a guest holds at once (impostors may use some up). */
  public static final int MAX_KEY_PACKAGES = 8;

  private final MeetingClient client;
  private final DeliveryService ds;
  private final Invitation invitation;
  private final List<KeyPackageBundle> keyPackages = new ArrayList<>();
  private long nextSequence = 1;
  private int refused;
  /** The guest's KeyPackages in its store, if its runtime has one. */
  private final Optional<LobbyState> saved;

  private LobbyGuest(MeetingClient client, DeliveryService ds, Invitation invitation)
      throws StorageException {
    this.client = client;
    this.ds = ds;
    this.invitation = invitation;
    this.saved = LobbyState.of(client, invitation.meetingId());
  }

  /**
   * Asks to join the meeting {@code invitation} names: publishes a fresh KeyPackage and waits in
   * the lobby.
   *
   * @throws TransportException if the KeyPackage could not be published (entering again is
   *     harmless)
   * @throws StorageException if the client's store did not take the KeyPackage's private keys
   *     (nothing was published)
   */
  public static LobbyGuest enter(MeetingClient client, DeliveryService ds,
      Invitation invitation) throws TransportException, StorageException {
    Objects.requireNonNull(ds, "ds");
    LobbyGuest guest = new LobbyGuest(client, ds, Objects.requireNonNull(invitation, "invitation"));
    guest.publishKeyPackage();
    if (ds instanceof LobbyKnocks lobby) {
      lobby.knock(invitation.meetingId(), client.account());
    }
    return guest;
  }

  /**
   * Continues waiting in the lobby after a restart, with the KeyPackages the client's store holds
   * for {@code invitation}'s meeting (saved before each was published): a Welcome made for any of
   * them still opens. Reads the log from its start again.
   *
   * @throws StorageException if nothing is saved, or only an older copy (rolled back)
   * @throws SealmeetException if the saved state is damaged
   * @throws IllegalStateException if the client's runtime has no store
   */
  public static LobbyGuest resume(MeetingClient client, DeliveryService ds,
      Invitation invitation) throws SealmeetException {
    LobbyGuest guest = new LobbyGuest(client, Objects.requireNonNull(ds, "ds"), invitation);
    LobbyState state = guest.saved.orElseThrow(
        () -> new IllegalStateException("the client's runtime has no store to resume from"));
    guest.keyPackages.addAll(state.load(client.suite()));
    return guest;
  }

  private void publishKeyPackage() throws TransportException, StorageException {
    KeyPackageBundle bundle = client.newKeyPackage(false);
    keyPackages.add(bundle);
    try {
      save(); // the private keys are durable before anyone can use the KeyPackage
    } catch (StorageException e) {
      keyPackages.remove(bundle);
      bundle.close();
      throw e;
    }
    ds.publishKeyPackage(invitation.meetingId(), client.upload(bundle, false));
  }

  private void save() throws StorageException {
    if (saved.isPresent()) {
      saved.get().save(keyPackages);
    }
  }

  /**
   * The used KeyPackages' private keys leave the store too; the meeting is joined and saved
   * already, so a store that fails here is logged, not thrown (that would lose the meeting).
   */
  private void eraseSavedKeyPackages() {
    try {
      save();
    } catch (StorageException e) {
      client.options().runtime().log().log(MeetingLog.Level.WARNING,
          () -> "lobby: the used KeyPackages could not be erased from the store: "
              + e.getMessage());
    }
  }

  /** The account waiting. */
  public String account() {
    return client.account();
  }

  /** How many Welcomes for this account were refused (impostors' or broken ones). */
  public int refused() {
    return refused;
  }

  /**
   * Reads the log for a Welcome naming this account and joins with it. A Welcome this guest cannot
   * open (not for its KeyPackages, malformed, a tree or credential its verifier refuses), of
   * another group, not signed by the admitter its invitation names, or into a group where that
   * member may not admit, is skipped (spec §3.3) and reported to the options' {@link
   * MeetingListener#welcomeSkipped} with the reason.
   *
   * @return the meeting, once admitted
   * @throws TransportException if the log cannot be read, or a replacement KeyPackage cannot be
   *     published; polling again resumes where this poll stopped
   * @throws StorageException if the client's store did not take the joined meeting or a
   *     replacement KeyPackage; the Welcome is not used up, polling again retries it
   */
  public Optional<Meeting> poll() throws TransportException, StorageException {
    for (SequencedEnvelope entry : ds.fetch(invitation.meetingId(), nextSequence)) {
      // A guest holds no state a repeated envelope could change: it reads whatever it is shown.
      nextSequence = Math.max(nextSequence, entry.sequence() + 1);
      Envelope envelope;
      try {
        envelope = Envelopes.parse(entry.bytes());
      } catch (DecodeException e) {
        continue;
      }
      if (!(envelope.body() instanceof WelcomeMessage welcome)
          || !welcome.recipients().contains(client.account())) {
        continue;
      }
      Optional<Meeting> joined = tryJoin(welcome, entry.sequence());
      if (joined.isPresent()) {
        return joined;
      }
      refused++;
    }
    return Optional.empty();
  }

  /**
   * Joins with {@code welcome}, ordered at {@code sequence}. The meeting reads the log from the
   * envelope after the commit that opened its epoch, if the Welcome names one before itself, so
   * that a commit ordered before a late Welcome is not missed.
   */
  private Optional<Meeting> tryJoin(WelcomeMessage welcome, long sequence)
      throws TransportException, StorageException {
    MlsMessage message;
    try {
      message = Envelopes.mls(welcome.mlsMessage());
    } catch (SealmeetException e) {
      return skipped(sequence, WelcomeSkip.Reason.MALFORMED, e.getClass().getSimpleName());
    }
    String failure = "no KeyPackage of this guest";
    for (KeyPackageBundle bundle : List.copyOf(keyPackages)) {
      MlsGroup group;
      try {
        group = MlsGroup.join(message, bundle, client.identity(), Optional.empty(),
            new PskStore(), client.config());
      } catch (SealmeetException e) {
        failure = e.getClass().getSimpleName();
        continue;
      }
      Optional<WelcomeSkip.Reason> refusal;
      String detail = "check failed";
      try {
        refusal = refusal(group, welcome);
        if (refusal.isEmpty()) {
          long commit = welcome.commitSequence();
          long from = commit > 0 && commit < sequence ? commit + 1 : sequence + 1;
          Meeting joined = MeetingStart.joined(client, ds, group, from);
          keyPackages.forEach(KeyPackageBundle::close);
          keyPackages.clear();
          eraseSavedKeyPackages();
          return Optional.of(joined);
        }
      } catch (StorageException e) {
        nextSequence = Math.min(nextSequence, sequence); // this Welcome again on the next poll
        throw e;
      } catch (SealmeetException e) {
        // A group that is not a meeting: refused like an impostor's.
        refusal = Optional.of(WelcomeSkip.Reason.NOT_A_MEETING);
        detail = e.getClass().getSimpleName();
      }
      group.close();
      keyPackages.remove(bundle);
      bundle.close();
      if (keyPackages.size() < MAX_KEY_PACKAGES) {
        publishKeyPackage();
      }
      return skipped(sequence, refusal.get(), detail);
    }
    return skipped(sequence, WelcomeSkip.Reason.CANNOT_OPEN, failure);
  }

  /** Logs and reports the Welcome at {@code sequence} as skipped; empty. */
  private Optional<Meeting> skipped(long sequence, WelcomeSkip.Reason reason, String detail) {
    MeetingRuntime runtime = client.options().runtime();
    runtime.log().log(MeetingLog.Level.WARNING,
        () -> "lobby: skipped the Welcome at sequence " + sequence + ": " + reason + " (" + detail
            + ")");
    WelcomeSkip skip = new WelcomeSkip(sequence, reason, detail);
    MeetingEvents.tell(runtime.listener(), runtime.log(), null,
        l -> l.welcomeSkipped(this, skip));
    return Optional.empty();
  }

  /**
   * Why {@code group} is not the meeting of the invitation, or empty if it is: its id, and the
   * Welcome signed by the invitation's admitter, a member of the group whose role may admit.
   */
  private Optional<WelcomeSkip.Reason> refusal(MlsGroup group, WelcomeMessage welcome)
      throws SealmeetException {
    if (!Arrays.equals(group.groupId(), invitation.meetingId())) {
      return Optional.of(WelcomeSkip.Reason.OTHER_MEETING);
    }
    Roles roles = Roles.in(group.context().extensions()).orElse(null);
    if (roles == null) {
      return Optional.of(WelcomeSkip.Reason.NOT_A_MEETING);
    }
    for (long leaf : group.ratchetTree().occupiedLeaves()) {
      LeafNode node = group.ratchetTree().leaf(leaf).orElseThrow();
      if (invitation.names(node.signatureKey())) {
        if (!roles.roleOf(node.credential()).mayAdmit()) {
          return Optional.of(WelcomeSkip.Reason.ADMITTER_MAY_NOT_ADMIT);
        }
        return client.suite().verifyWithLabel(node.signatureKey(), Invitation.WELCOME_LABEL,
            Invitation.welcomeToBeSigned(invitation.meetingId(),
                welcome.mlsMessage()),
            welcome.admitterSignature()) ? Optional.empty()
            : Optional.of(WelcomeSkip.Reason.NOT_SIGNED_BY_ADMITTER);
      }
    }
    return Optional.of(WelcomeSkip.Reason.NOT_SIGNED_BY_ADMITTER);
  }

  /** Leaves the lobby: erases the KeyPackages' private keys. */
  @Override
  public void close() {
    keyPackages.forEach(KeyPackageBundle::close);
    keyPackages.clear();
  }

  /** Account-free. */
  @Override
  public String toString() {
    return "LobbyGuest[waiting from sequence " + nextSequence + ", " + refused + " refused]";
  }
}
