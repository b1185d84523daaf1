package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.DeliveryCoreContract;
import dev.sealmeet.ds.LogStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The delivery core with real meetings over the PostgreSQL store (a fresh database per test). */
class PostgresDeliveryCoreTest extends DeliveryCoreContract {
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
