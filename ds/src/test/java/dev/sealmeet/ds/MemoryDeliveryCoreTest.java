package dev.sealmeet.ds;

/** The delivery core over the in-memory store. */
class MemoryDeliveryCoreTest extends DeliveryCoreContract {
  @Override
  protected LogStore open() {
    return new MemoryLogStore();
  }
}
