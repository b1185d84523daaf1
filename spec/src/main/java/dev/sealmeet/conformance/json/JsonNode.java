package dev.sealmeet.conformance.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A read-only view of a node of Jackson's tree with typed accessors that name the JSON path on
 * failure, e.g. {@code $[3].epochs[2].tree_hash: expected a hex string}. The vector families read
 * their files only through this type.
 */
public final class JsonNode {
  private final com.fasterxml.jackson.databind.JsonNode value;
  private final String path;

  JsonNode(com.fasterxml.jackson.databind.JsonNode value, String path) {
    this.value = value;
    this.path = path;
  }

  /** The JSON path of this node, e.g. {@code $[0].header}. */
  public String path() {
    return path;
  }

  /** Whether this is JSON {@code null}. */
  public boolean isNull() {
    return value.isNull();
  }

  /** Whether this is an object. */
  public boolean isObject() {
    return value.isObject();
  }

  /** Whether this is an array. */
  public boolean isArray() {
    return value.isArray();
  }

  /** Whether this object has {@code key} (with any value, {@code null} included). */
  public boolean has(String key) {
    return value.isObject() && value.has(key);
  }

  /** The member {@code key} of this object (a null node if the value is JSON null). */
  public JsonNode get(String key) {
    requireObject();
    com.fasterxml.jackson.databind.JsonNode member = value.get(key);
    if (member == null) {
      throw new JsonException(path + ": missing field \"" + key + "\"");
    }
    return new JsonNode(member, path + "." + key);
  }

  /** The keys of this object, in file order. */
  public List<String> keys() {
    requireObject();
    List<String> keys = new ArrayList<>(value.size());
    value.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The elements of this array. */
  public List<JsonNode> elements() {
    if (!value.isArray()) {
      throw new JsonException(path + ": expected an array");
    }
    List<JsonNode> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      out.add(new JsonNode(value.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** This string. */
  public String asString() {
    if (!value.isTextual()) {
      throw new JsonException(path + ": expected a string");
    }
    return value.textValue();
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
    if (!value.isIntegralNumber()) {
      throw new JsonException(path + ": expected an integer");
    }
    return value.bigIntegerValue();
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
    if (!value.isBoolean()) {
      throw new JsonException(path + ": expected a boolean");
    }
    return value.booleanValue();
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

  private void requireObject() {
    if (!value.isObject()) {
      throw new JsonException(path + ": expected an object");
    }
  }

  @Override
  public String toString() {
    return "JsonNode[" + path + "]";
  }
}
