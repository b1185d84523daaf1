package dev.sealmeet.cli;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.ds.file.FileLogStore;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * THE single construction point of the {@code sealmeet ds} stores: in memory, the embedded
 * {@link FileLogStore}, and the PostgreSQL store. The PostgreSQL store ({@code
 * dev.sealmeet.ds.postgres.PostgresLogStore.open(String, String, String)}) is written on another
 * branch; until it is merged here it is found by name, so that this command builds without it
 * and says plainly when it is missing. Once it is merged, replace the reflective call in {@link
 * #postgres} by a direct one (and drop {@link #open}).
 */
final class DsStores {
  static final String POSTGRES_STORE = "dev.sealmeet.ds.postgres.PostgresLogStore";

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
   * @throws IllegalStateException if this build has no PostgreSQL store
   * @throws StoreException if the database cannot be reached or migrated
   */
  static LogStore postgres(String jdbcUrl, String user, String password)
      throws StoreException {
    return open(POSTGRES_STORE, new Class<?>[] {String.class, String.class, String.class},
        jdbcUrl, user, password);
  }

  private static LogStore open(String className, Class<?>[] types, Object... args)
      throws StoreException {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("this build has no " + className, e);
    }
    try {
      return (LogStore) type.getMethod("open", types).invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof StoreException cause) {
        throw cause;
      }
      throw new IllegalStateException(className + ".open failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(className + " has no open method of the expected kind", e);
    }
  }
}
