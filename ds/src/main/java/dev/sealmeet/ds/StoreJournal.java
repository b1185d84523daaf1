package dev.sealmeet.ds;

import java.util.List;
import java.util.function.Supplier;

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
    public void dropped(Supplier<List<StoreChange>> snapshot, boolean meeting) {}

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
   * Told after entries were dropped (a compaction) or a whole {@code meeting} was: the journal
   * may replace everything recorded so far by {@code snapshot}, atomically, so that dropped
   * entries leave the disk. It does so after every dropped meeting, and after a compaction when
   * the journal grew enough since its last rewrite to be worth it.
   *
   * @throws StoreException if it could not; the old records then stay, and still replay
   */
  void dropped(Supplier<List<StoreChange>> snapshot, boolean meeting) throws StoreException;

  /** Releases files. */
  @Override
  void close() throws StoreException;
}
