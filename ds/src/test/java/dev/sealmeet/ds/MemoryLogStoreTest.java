package dev.sealmeet.ds;

/** The in-memory store keeps every rule of {@link LogStore} (it is not durable). */
class MemoryLogStoreTest extends LogStoreContract {
  @Override
  protected LogStore open() {
    return new MemoryLogStore();
  }
}
