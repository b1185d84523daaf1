package dev.sealmeet.ds.file;


import dev.sealmeet.ds.DeliveryCoreContract;
import dev.sealmeet.ds.LogStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The delivery core over the embedded store. */
class FileDeliveryCoreTest extends DeliveryCoreContract {
  @TempDir
  Path dir;

  @Override
  protected LogStore open() throws Exception {
    return FileLogStore.open(dir);
  }
}
