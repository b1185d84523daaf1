package dev.sealmeet.ds.file;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.RetentionContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Retention over the embedded store. */
class FileRetentionTest extends RetentionContract {
  @TempDir
  Path dir;

  @Override
  protected LogStore open() throws Exception {
    return FileLogStore.open(dir);
  }
}
