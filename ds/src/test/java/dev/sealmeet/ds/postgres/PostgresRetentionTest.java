package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.RetentionContract;

/** Retention (compaction, dropping ended meetings) over the PostgreSQL store. */
class PostgresRetentionTest extends RetentionContract {
  private final PostgresServer server = PostgresServer.shared();

  @Override
  protected LogStore open() throws Exception {
    return PostgresLogStore.open(server.createDatabase(), server.user(), server.password());
  }
}
