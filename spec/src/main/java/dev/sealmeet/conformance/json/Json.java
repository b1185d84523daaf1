package dev.sealmeet.conformance.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads test-vector files with Jackson's tree model, strictly (RFC 8259): duplicate keys and
 * trailing content are errors. Integers keep their full value (vector files carry 64-bit unsigned
 * counters), other numbers are exact decimals, and objects keep their key order. The result is
 * wrapped in a {@link JsonNode} whose accessors name the JSON path on failure.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private Json() {}

  /**
   * Parses one JSON document.
   *
   * @throws JsonException if {@code text} is not valid JSON, with Jackson's line and column
   */
  public static JsonNode parse(String text) {
    try {
      com.fasterxml.jackson.databind.JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new JsonException("no JSON value in the input");
      }
      return new JsonNode(root, "$");
    } catch (JsonProcessingException e) {
      throw new JsonException(e.getOriginalMessage() + " at " + location(e));
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "unknown location"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
