package dev.sealmeet.ds.file;

import dev.sealmeet.ds.DeliveryCoreContract;
import dev.sealmeet.ds.LogStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The delivery core over the embedded store, across server restarts too. */
class FileDeliveryCoreTest extends DeliveryCoreContract {
  @TempDir
  Path dir;

  @Override
  protected LogStore open() throws Exception {
    return FileLogStore.open(dir);
  }

  @Override
  protected boolean durable() {
    return true;
  }

  @Override
  protected Optional<LogStore> reopen() throws Exception {
    return Optional.of(FileLogStore.open(dir));
  }
}
