package dev.sealmeet.vectors;

/**
 * A pinned set of test material could not be found or fetched. The message lists every place that
 * was looked at and what to do; it never holds secrets (the material is public).
 */
public class VectorsUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with the given explanation. */
  public VectorsUnavailableException(String message) {
    super(message);
  }
}
