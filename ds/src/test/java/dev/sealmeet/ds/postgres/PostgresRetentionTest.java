package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.RetentionContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Retention (compaction, dropping ended meetings) over the PostgreSQL store. */
class PostgresRetentionTest extends RetentionContract {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected LogStore open() throws Exception {
    return PostgresLogStore.open(server.createDatabase(), server.user(), server.password());
  }
}
