package dev.sealmeet.conformance.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of a parsed JSON value with typed accessors that name the JSON path on failure, e.g.
 * {@code $[3].epochs[2].tree_hash: expected a hex string}.
 */
public final class JsonNode {
  private final Object value;
  private final String path;

  JsonNode(Object value, String path) {
    this.value = value;
    this.path = path;
  }

  /** The JSON path of this node, e.g. {@code $[0].header}. */
  public String path() {
    return path;
  }

  /** Whether this is JSON {@code null}. */
  public boolean isNull() {
    return value == null;
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return value instanceof Map;
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return value instanceof List;
  }

  /** Whether this object has {@code key} (with any value, {@code null} included). */
  public boolean has(String key) {
    return value instanceof Map && ((Map<?, ?>) value).containsKey(key);
  }

  /** The member {@code key} of this object (a null node if the value is JSON null). */
  public JsonNode get(String key) {
    Map<?, ?> map = asMap();
    if (!map.containsKey(key)) {
      throw new JsonException(path + ": missing field \"" + key + "\"");
    }
    return new JsonNode(map.get(key), path + "." + key);
  }

  /** The keys of this object, in file order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Object k : asMap().keySet()) {
      keys.add((String) k);
    }
    return keys;
  }

  /** The elements of this array. */
  public List<JsonNode> elements() {
    if (!(value instanceof List)) {
      throw new JsonException(path + ": expected an array");
    }
    List<?> list = (List<?>) value;
    List<JsonNode> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(new JsonNode(list.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** This string. */
  public String asString() {
    if (!(value instanceof String)) {
      throw new JsonException(path + ": expected a string");
    }
    return (String) value;
  }

  /** This string decoded as hex (empty string: empty array). */
  public byte[] asHex() {
    try {
      return HexFormat.of().parseHex(asString());
    } catch (IllegalArgumentException e) {
      throw new JsonException(path + ": expected a hex string");
    }
  }

  /** This integer as a {@link BigInteger}. */
  public BigInteger asBigInteger() {
    if (!(value instanceof BigInteger)) {
      throw new JsonException(path + ": expected an integer");
    }
    return (BigInteger) value;
  }

  /** This integer as a long (unsigned 64-bit values above Long.MAX_VALUE wrap to negative). */
  public long asLong() {
    BigInteger v = asBigInteger();
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw new JsonException(path + ": integer out of uint64 range");
    }
    return v.longValue();
  }

  /** This integer as an int. */
  public int asInt() {
    BigInteger v = asBigInteger();
    if (v.bitLength() > 31) {
      throw new JsonException(path + ": integer out of int range");
    }
    return v.intValue();
  }

  /** This boolean. */
  public boolean asBoolean() {
    if (!(value instanceof Boolean)) {
      throw new JsonException(path + ": expected a boolean");
    }
    return (Boolean) value;
  }

  /** Shorthand for {@code get(key).asHex()}. */
  public byte[] hex(String key) {
    return get(key).asHex();
  }

  /** Shorthand for {@code get(key).asInt()}. */
  public int integer(String key) {
    return get(key).asInt();
  }

  /** Shorthand for {@code get(key).asString()}. */
  public String string(String key) {
    return get(key).asString();
  }

  private Map<?, ?> asMap() {
    if (!(value instanceof Map)) {
      throw new JsonException(path + ": expected an object");
    }
    return (Map<?, ?>) value;
  }

  @Override
  public String toString() {
    return "JsonNode[" + path + "]";
  }
}
