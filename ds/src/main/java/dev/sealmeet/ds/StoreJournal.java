package dev.sealmeet.ds;

import java.util.List;

/**
 * Where a {@link MemoryLogStore} writes each change before it takes effect, to make it durable
 * (the embedded store's journal file). Called under the store's lock, one call at a time.
 */
public interface StoreJournal extends AutoCloseable {
  /** A journal that keeps nothing: a store in memory only. */
  StoreJournal NONE = new StoreJournal() {
    @Override
    public void record(StoreChange change) {}

    @Override
    public void rewrite(List<StoreChange> snapshot) {}

    @Override
    public void close() {}
  };

  /**
   * Makes {@code change} durable before returning.
   *
   * @throws StoreException if it could not; then nothing of it may be replayed later
   */
  void record(StoreChange change) throws StoreException;

  /**
   * Replaces everything recorded so far by {@code snapshot}, atomically (after a compaction or a
   * drop, so that dropped entries leave the disk).
   *
   * @throws StoreException if it could not; the old records then stay, and still replay
   */
  void rewrite(List<StoreChange> snapshot) throws StoreException;

  /** Releases files. */
  @Override
  void close() throws StoreException;
}
