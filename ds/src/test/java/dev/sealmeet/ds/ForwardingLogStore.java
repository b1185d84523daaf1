package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A store that forwards every call, with a hook run before each append (another node's turn). */
class ForwardingLogStore implements LogStore {
  /** Runs before an append reaches the store. */
  interface BeforeAppend {
    void run(AppendRequest request) throws Exception;
  }

  private final LogStore inner;
  volatile BeforeAppend beforeAppend = r -> { };
  /** While set, reads and appends fail as a store that is down. */
  volatile boolean down;
  /** While set, appends notify no one (as appends by another node without a notification). */
  volatile boolean silent;
  /** While set, reads fail. */
  volatile boolean readsDown;

  private void check() throws StoreException {
    if (down) {
      throw new StoreException("the test store is down");
    }
  }

  ForwardingLogStore(LogStore inner) {
    this.inner = inner;
  }

  @Override
  public byte[] serverIdentity(Supplier<byte[]> create) throws StoreException {
    return inner.serverIdentity(create);
  }

  @Override
  public boolean createMeeting(byte[] meetingId, long epoch, byte[] groupInfo, String opener)
      throws StoreException {
    return inner.createMeeting(meetingId, epoch, groupInfo, opener);
  }

  @Override
  public Optional<MeetingHead> head(byte[] meetingId) throws StoreException {
    return inner.head(meetingId);
  }

  @Override
  public Optional<StoredAnswer> answer(byte[] meetingId, byte[] submitId) throws StoreException {
    return inner.answer(meetingId, submitId);
  }

  @Override
  public AppendOutcome append(AppendRequest request) throws StoreException {
    check();
    try {
      beforeAppend.run(request);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return inner.append(request);
  }

  @Override
  public List<SequencedEnvelope> read(byte[] meetingId, long fromSequence, int limit)
      throws StoreException {
    check();
    if (readsDown) {
      throw new StoreException("the test store's reads are down");
    }
    return inner.read(meetingId, fromSequence, limit);
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) throws StoreException {
    inner.publishKeyPackage(meetingId, entry);
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account)
      throws StoreException {
    return inner.claimKeyPackage(meetingId, account);
  }

  @Override
  public boolean knock(byte[] meetingId, String account, int max) throws StoreException {
    return inner.knock(meetingId, account, max);
  }

  @Override
  public List<String> knocks(byte[] meetingId, int from) throws StoreException {
    return inner.knocks(meetingId, from);
  }

  @Override
  public boolean isReader(byte[] meetingId, String account) throws StoreException {
    return inner.isReader(meetingId, account);
  }

  @Override
  public void compact(byte[] meetingId, long belowSequence) throws StoreException {
    inner.compact(meetingId, belowSequence);
  }

  @Override
  public void drop(byte[] meetingId) throws StoreException {
    inner.drop(meetingId);
  }

  @Override
  public AutoCloseable onAppend(Consumer<byte[]> listener) {
    return inner.onAppend(meetingId -> {
      if (!silent) {
        listener.accept(meetingId);
      }
    });
  }

  /** The inner store stays open: its owner closes it. */
  @Override
  public void close() {}
}
