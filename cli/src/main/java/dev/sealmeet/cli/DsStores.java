package dev.sealmeet.cli;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * THE single construction point of the {@code sealmeet ds} stores. The embedded store ({@code
 * dev.sealmeet.ds.file.FileLogStore.open(Path)}) and the PostgreSQL store ({@code
 * dev.sealmeet.ds.postgres.PostgresLogStore.open(String, String, String)}) are written on other
 * branches; until they are merged here they are found by name, so that this command builds
 * without them and says plainly when one is missing. Once both are merged, replace the two
 * reflective calls by direct ones.
 */
final class DsStores {
  static final String FILE_STORE = "dev.sealmeet.ds.file.FileLogStore";
  static final String POSTGRES_STORE = "dev.sealmeet.ds.postgres.PostgresLogStore";

  private DsStores() {}

  /** A store in memory: lost at exit. */
  static LogStore memory() {
    return new MemoryLogStore();
  }

  /**
   * The embedded store in {@code dir} (created if absent), durable across restarts.
   *
   * @throws IllegalStateException if this build has no embedded store
   * @throws Exception what opening it throws (a {@code StoreException})
   */
  static LogStore file(Path dir) throws Exception {
    return open(FILE_STORE, new Class<?>[] {Path.class}, dir);
  }

  /**
   * The PostgreSQL store at {@code jdbcUrl} (migrated at start), shared by any number of nodes.
   *
   * @throws IllegalStateException if this build has no PostgreSQL store
   * @throws Exception what opening it throws (a {@code StoreException})
   */
  static LogStore postgres(String jdbcUrl, String user, String password) throws Exception {
    return open(POSTGRES_STORE, new Class<?>[] {String.class, String.class, String.class},
        jdbcUrl, user, password);
  }

  private static LogStore open(String className, Class<?>[] types, Object... args)
      throws Exception {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("this build has no " + className, e);
    }
    try {
      return (LogStore) type.getMethod("open", types).invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(className + " has no open method of the expected kind", e);
    }
  }
}
