package dev.sealmeet.conformance.json;

/** A vector file is not valid JSON, or lacks a field of the expected type. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was expected, with the JSON path or character offset */
  public JsonException(String message) {
    super(message);
  }
}
