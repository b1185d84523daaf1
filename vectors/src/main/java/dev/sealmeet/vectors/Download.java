package dev.sealmeet.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;

/** Opens the bytes behind a pinned URL; tests replace it to stand in for a missing network. */
@FunctionalInterface
public interface Download {
  /** Connect timeout of {@link #URL_CONNECTION}, in milliseconds. */
  int CONNECT_MILLIS = 15_000;
  /** Read timeout of {@link #URL_CONNECTION}, in milliseconds. */
  int READ_MILLIS = 60_000;

  /** The JDK's URL handlers: {@code https:} and {@code http:} with timeouts, and {@code file:}. */
  Download URL_CONNECTION = source -> {
    URLConnection connection = source.toURL().openConnection();
    connection.setConnectTimeout(CONNECT_MILLIS);
    connection.setReadTimeout(READ_MILLIS);
    return connection.getInputStream();
  };

  /**
   * Opens {@code source} for reading.
   *
   * @throws IOException if it cannot be reached or read
   */
  InputStream open(URI source) throws IOException;
}
