package dev.sealmeet.conformance.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parse_uint64Max_keepsFullValue() {
    JsonNode n = Json.parse("{\"ctr\": 18446744073709551615}");
    assertThat(n.get("ctr").asBigInteger()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(n.get("ctr").asLong()).isEqualTo(-1L);
  }

  @Test
  void parse_nestedValues_areTyped() {
    JsonNode n = Json.parse("[{\"a\": \"00ff\", \"b\": [true, null, -2.5e3], \"c\": \"\\u0041\\n\"}]");
    JsonNode first = n.elements().get(0);
    assertThat(first.hex("a")).containsExactly(0, 0xff);
    assertThat(first.get("b").elements().get(0).asBoolean()).isTrue();
    assertThat(first.get("b").elements().get(1).isNull()).isTrue();
    assertThat(first.string("c")).isEqualTo("A\n");
    assertThat(first.keys()).containsExactly("a", "b", "c");
  }

  @Test
  void parse_floatWhereIntegerExpected_isRejected() {
    JsonNode n = Json.parse("{\"a\": 2.0, \"b\": -1}");
    assertThatThrownBy(() -> n.get("a").asInt()).hasMessage("$.a: expected an integer");
    assertThatThrownBy(() -> n.get("b").asLong()).hasMessage("$.b: integer out of uint64 range");
  }

  @Test
  void accessor_wrongType_namesThePath() {
    JsonNode n = Json.parse("[{\"a\": 1}]");
    assertThatThrownBy(() -> n.elements().get(0).hex("a"))
        .isInstanceOf(JsonException.class)
        .hasMessage("$[0].a: expected a string");
    assertThatThrownBy(() -> n.elements().get(0).get("missing"))
        .hasMessageContaining("missing field \"missing\"");
  }

  @Test
  void parse_malformed_isRejected() {
    assertThatThrownBy(() -> Json.parse("[1,]")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> Json.parse("[1] [2]"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Trailing token");
    assertThatThrownBy(() -> Json.parse("\"abc")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("[01]")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("[\"a\tb\"]")).isInstanceOf(JsonException.class);
  }
}
