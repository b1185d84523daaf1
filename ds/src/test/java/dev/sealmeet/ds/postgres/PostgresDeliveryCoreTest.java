package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.DeliveryCoreContract;
import dev.sealmeet.ds.LogStore;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The delivery core with real meetings over the PostgreSQL store (a fresh database per test),
 * across a restart of the server node too (the store reopened on the same database).
 */
class PostgresDeliveryCoreTest extends DeliveryCoreContract {
  private static PostgresServer server;
  private String url;

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
    url = server.createDatabase();
    return PostgresLogStore.open(url, server.user(), server.password());
  }

  @Override
  protected boolean durable() {
    return true;
  }

  @Override
  protected Optional<LogStore> reopen() throws Exception {
    return Optional.of(PostgresLogStore.open(url, server.user(), server.password()));
  }
}
