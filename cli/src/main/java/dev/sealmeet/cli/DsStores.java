package dev.sealmeet.cli;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.file.FileLogStore;
import dev.sealmeet.ds.postgres.PostgresLogStore;
import java.nio.file.Path;

/**
 * The single construction point of the {@code sealmeet ds} stores: in memory, the embedded {@link
 * FileLogStore}, and the {@link PostgresLogStore} shared by several nodes.
 */
final class DsStores {
  private DsStores() {}

  /** A store in memory: lost at exit. */
  static LogStore memory() {
    return new MemoryLogStore();
  }

  /**
   * The embedded store in {@code dir} (created if absent), durable across restarts.
   *
   * @throws StoreException if the directory is in use by another store, or its journal is
   *     corrupt
   */
  static LogStore file(Path dir) throws StoreException {
    return FileLogStore.open(dir);
  }

  /**
   * The PostgreSQL store at {@code jdbcUrl} (migrated at start), shared by any number of nodes.
   *
   * @throws StoreException if the database cannot be reached or migrated
   */
  static LogStore postgres(String jdbcUrl, String user, String password)
      throws StoreException {
    return PostgresLogStore.open(jdbcUrl, user, password);
  }
}
