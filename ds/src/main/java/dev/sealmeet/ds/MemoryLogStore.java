package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link LogStore} in one process's memory: every call is one step under one lock, so each
 * is a transaction. Lost on restart, unless a {@link StoreJournal} makes it durable (the embedded
 * {@code FileLogStore} does): each change is decided here, written to the journal, and only then
 * applied, so a journal that fails leaves the state as it was.
 *
 * <pre>
 * call ─► lock ─► decide against the state ─► StoreChange ─► journal.record ─► state.apply
 *      ─► unlock ─► onAppend listeners (after an appended entry)
 * </pre>
 */
public final class MemoryLogStore implements LogStore {
  private static final Logger LOG = Logger.getLogger(MemoryLogStore.class.getName());

  private final Object lock = new Object();
  private final StoreState state = new StoreState();
  private final StoreJournal journal;
  private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();
  private boolean closed;

  /** An empty store in memory only. */
  public MemoryLogStore() {
    this.journal = StoreJournal.NONE;
  }

  private MemoryLogStore(StoreJournal journal) {
    this.journal = journal;
  }

  /**
   * A store rebuilt from {@code replay} (the changes a journal recorded, in order) that records
   * every later change to {@code journal}. The store closes the journal when it is closed.
   *
   * @throws StoreException if the changes do not replay (the journal does not hold a state)
   */
  public static MemoryLogStore replaying(List<StoreChange> replay, StoreJournal journal)
      throws StoreException {
    MemoryLogStore store = new MemoryLogStore(Objects.requireNonNull(journal, "journal"));
    try {
      replay.forEach(store.state::apply);
    } catch (RuntimeException e) {
      throw new StoreException("the journal does not replay", e);
    }
    return store;
  }

  /** Records and applies one change; the caller holds the lock. */
  private void change(StoreChange change) throws StoreException {
    journal.record(change);
    state.apply(change);
  }

  private void open() throws StoreException {
    if (closed) {
      throw new StoreException("the store is closed");
    }
  }

  @Override
  public byte[] serverIdentity(Supplier<byte[]> create) throws StoreException {
    synchronized (lock) {
      open();
      if (state.identity() == null) {
        change(new StoreChange.Identity(create.get().clone()));
      }
      return state.identity().clone();
    }
  }

  @Override
  public boolean createMeeting(byte[] meetingId, long epoch, byte[] groupInfo, String opener)
      throws StoreException {
    synchronized (lock) {
      open();
      if (state.log(meetingId).isPresent()) {
        return false;
      }
      change(new StoreChange.Head(meetingId.clone(), epoch, groupInfo.clone(), 1, 1, false,
          Objects.requireNonNull(opener, "opener")));
      return true;
    }
  }

  @Override
  public Optional<MeetingHead> head(byte[] meetingId) throws StoreException {
    synchronized (lock) {
      open();
      return state.log(meetingId).map(StoreState.Log::head);
    }
  }

  @Override
  public Optional<StoredAnswer> answer(byte[] meetingId, byte[] submitId) throws StoreException {
    synchronized (lock) {
      open();
      return state.log(meetingId)
          .map(log -> log.answers.get(StoreState.key(submitId)));
    }
  }

  @Override
  public AppendOutcome append(AppendRequest request) throws StoreException {
    AppendOutcome outcome;
    synchronized (lock) {
      open();
      outcome = decide(request);
    }
    if (outcome instanceof AppendOutcome.Appended a && a.sequence() > 0) {
      notifyAppended(request.meetingId());
    }
    return outcome;
  }

  private AppendOutcome decide(AppendRequest request) throws StoreException {
    byte[] meetingId = request.meetingId();
    Optional<StoreState.Log> found = state.log(meetingId);
    if (found.isEmpty()) {
      return new AppendOutcome.NoMeeting();
    }
    StoreState.Log log = found.get();
    byte[] submitId = request.submitId();
    if (submitId.length > 0) {
      StoredAnswer first = log.answers.get(StoreState.key(submitId));
      if (first != null) {
        return new AppendOutcome.Duplicate(first);
      }
    }
    if (request.isAnswerOnly()) {
      change(new StoreChange.Answered(meetingId, submitId, request.digest(),
          request.answer().orElseThrow()));
      return new AppendOutcome.Appended(0);
    }
    if (log.epoch != request.expectedEpoch()) {
      return new AppendOutcome.EpochMoved(log.epoch);
    }
    long sequence = log.nextSequence;
    change(new StoreChange.Appended(meetingId, sequence, request.envelopeAt(sequence), submitId,
        request.digest(), request.nextGroupInfo().orElse(null), request.ended()));
    return new AppendOutcome.Appended(sequence);
  }

  private void notifyAppended(byte[] meetingId) {
    for (Consumer<byte[]> listener : listeners) {
      try {
        listener.accept(meetingId.clone());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "an append listener failed", e);
      }
    }
  }

  @Override
  public List<SequencedEnvelope> read(byte[] meetingId, long fromSequence, int limit)
      throws StoreException {
    if (limit < 0) {
      throw new IllegalArgumentException("a negative limit");
    }
    synchronized (lock) {
      open();
      return state.log(meetingId).map(log -> StoreState.read(log, fromSequence, limit))
          .orElse(List.of());
    }
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws StoreException {
    synchronized (lock) {
      open();
      change(new StoreChange.Published(meetingId.clone(), Objects.requireNonNull(entry, "entry")));
    }
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws StoreException {
    synchronized (lock) {
      open();
      List<KeyPackageEntry> packages = state.lobby(meetingId)
          .map(lobby -> lobby.packages.get(account)).orElse(null);
      if (packages == null || packages.isEmpty()) {
        return Optional.empty();
      }
      int index = StoreState.claimIndex(packages);
      KeyPackageEntry entry = packages.get(index);
      if (!entry.lastResort()) {
        change(new StoreChange.Claimed(meetingId.clone(), account, index));
      }
      return Optional.of(entry);
    }
  }

  @Override
  public boolean knock(byte[] meetingId, String account, int max) throws StoreException {
    synchronized (lock) {
      open();
      Optional<StoreState.Lobby> lobby = state.lobby(meetingId);
      if (lobby.isPresent() && lobby.get().knocks.contains(account)) {
        return true;
      }
      if (lobby.map(l -> l.knocks.size()).orElse(0) >= max) {
        return false;
      }
      change(new StoreChange.Knocked(meetingId.clone(), Objects.requireNonNull(account)));
      return true;
    }
  }

  @Override
  public List<String> knocks(byte[] meetingId, int from) throws StoreException {
    synchronized (lock) {
      open();
      List<String> all = state.lobby(meetingId).map(l -> List.copyOf(l.knocks))
          .orElse(List.of());
      return List.copyOf(all.subList(Math.max(0, Math.min(from, all.size())), all.size()));
    }
  }

  @Override
  public boolean isReader(byte[] meetingId, String account) throws StoreException {
    synchronized (lock) {
      open();
      return state.log(meetingId).map(log -> log.opener.equals(account)).orElse(false)
          || state.lobby(meetingId).map(l -> l.knocks.contains(account)).orElse(false);
    }
  }

  @Override
  public void compact(byte[] meetingId, long belowSequence) throws StoreException {
    synchronized (lock) {
      open();
      Optional<StoreState.Log> log = state.log(meetingId);
      if (log.isEmpty()
          || Math.min(belowSequence, log.get().nextSequence) <= log.get().firstKept) {
        return;
      }
      change(new StoreChange.Compacted(meetingId.clone(), belowSequence));
      journal.dropped(state::snapshot, false);
    }
  }

  @Override
  public void drop(byte[] meetingId) throws StoreException {
    synchronized (lock) {
      open();
      if (state.log(meetingId).isEmpty() && state.lobby(meetingId).isEmpty()) {
        return;
      }
      change(new StoreChange.Dropped(meetingId.clone()));
      journal.dropped(state::snapshot, true);
    }
  }

  @Override
  public AutoCloseable onAppend(Consumer<byte[]> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() throws StoreException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      listeners.clear();
      journal.close();
    }
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "MemoryLogStore";
  }
}
