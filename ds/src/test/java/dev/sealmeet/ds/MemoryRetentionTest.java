package dev.sealmeet.ds;

/** Retention over the in-memory store. */
class MemoryRetentionTest extends RetentionContract {
  @Override
  protected LogStore open() {
    return new MemoryLogStore();
  }
}
