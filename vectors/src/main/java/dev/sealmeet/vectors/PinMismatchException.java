package dev.sealmeet.vectors;

/**
 * A file's bytes do not have the SHA-256 its manifest pins: a folder holds another version of it,
 * or a download served other bytes. Never ignored, never worked around by using the file anyway.
 */
public final class PinMismatchException extends VectorsUnavailableException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String expected;
  private final String actual;

  /**
   * A mismatch of one file.
   *
   * @param path the file's path under its folder
   * @param where the folder or URL the bytes came from
   * @param expected the pinned SHA-256
   * @param actual the SHA-256 of the bytes found
   */
  public PinMismatchException(String path, String where, String expected, String actual) {
    super(path + " from " + where + " has SHA-256 " + actual + ", but " + expected
        + " is pinned; use the pinned version of the file (see spec/vectors/README.md)");
    this.path = path;
    this.expected = expected;
    this.actual = actual;
  }

  /** The file's path under its folder. */
  public String path() {
    return path;
  }

  /** The pinned SHA-256. */
  public String expected() {
    return expected;
  }

  /** The SHA-256 of the bytes found. */
  public String actual() {
    return actual;
  }
}
