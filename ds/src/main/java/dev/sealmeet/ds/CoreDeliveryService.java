package dev.sealmeet.ds;

import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.LobbyKnocks;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link DeliveryCore} seen by one account in the same process: the {@link DeliveryService} a
 * {@code Meeting} or {@code LobbyGuest} runs on without a network. A denied access is an {@link
 * IllegalStateException}; a store failure is a retryable {@link TransportException}, except from
 * {@link #knock} and {@link #knocks} ({@link LobbyKnocks} declares nothing), which throw an {@link
 * IllegalStateException} with the store failure as its cause.
 */
public final class CoreDeliveryService implements DeliveryService, LobbyKnocks {
  private final DeliveryCore core;
  private final Caller caller;

  /** The core as {@code caller} sees it. */
  public CoreDeliveryService(DeliveryCore core, Caller caller) {
    this.core = Objects.requireNonNull(core, "core");
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  @Override
  public ExternalSender externalSender() {
    return core.externalSender();
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) throws TransportException {
    try {
      core.openMeeting(caller, meetingId, groupInfo.toBytes());
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  @Override
  public SubmitResult submit(byte[] envelope) throws TransportException {
    try {
      return core.submit(caller, envelope);
    } catch (StoreException e) {
      throw unavailable(e);
    }
  }

  /**
   * Every entry from {@code fromSequence} on, read page by page (only the first page's start
   * counts as the reader's position for retention).
   */
  @Override
  public List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    try {
      List<SequencedEnvelope> all = new ArrayList<>();
      long next = fromSequence;
      while (true) {
        List<SequencedEnvelope> page = core.fetch(caller, meetingId, next, Integer.MAX_VALUE,
            next == fromSequence);
        all.addAll(page);
        if (page.isEmpty()) {
          return all;
        }
        next = page.get(page.size() - 1).sequence() + 1;
      }
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) throws TransportException {
    try {
      return core.subscribe(caller, meetingId, fromSequence, listener);
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry)
      throws TransportException {
    try {
      core.publishKeyPackage(caller, meetingId, entry);
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws TransportException {
    try {
      return core.claimKeyPackage(caller, meetingId, account);
    } catch (StoreException e) {
      throw unavailable(e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  @Override
  public void knock(byte[] meetingId, String account) {
    if (!caller.account().equals(account)) {
      throw new IllegalStateException("an account knocks for itself only");
    }
    try {
      core.knock(caller, meetingId);
    } catch (StoreException e) {
      throw new IllegalStateException("the store failed", e);
    } catch (AccessDeniedException e) {
      throw denied(e);
    }
  }

  /** Empty for an unknown meeting and for a caller that is no member (a removed one polls). */
  @Override
  public List<String> knocks(byte[] meetingId, int from) {
    try {
      return core.knocks(caller, meetingId, from);
    } catch (StoreException e) {
      throw new IllegalStateException("the store failed", e);
    } catch (AccessDeniedException | IllegalArgumentException e) {
      return List.of();
    }
  }

  private static TransportException unavailable(StoreException e) {
    return new TransportException("the delivery service's store failed", true, e);
  }

  private static IllegalStateException denied(AccessDeniedException e) {
    return new IllegalStateException(e.getMessage(), e);
  }

  /** Hides the caller. */
  @Override
  public String toString() {
    return "CoreDeliveryService";
  }
}
