package dev.sealmeet.ds.postgres;

import dev.sealmeet.ds.DeliveryCoreContract;
import dev.sealmeet.ds.LogStore;
import java.util.Optional;

/**
 * The delivery core with real meetings over the PostgreSQL store (a fresh database per test),
 * across a restart of the server node too (the store reopened on the same database).
 */
class PostgresDeliveryCoreTest extends DeliveryCoreContract {
  private final PostgresServer server = PostgresServer.shared();
  private String url;

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
