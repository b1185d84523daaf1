package dev.sealmeet.conformance;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * MLS {@code deserialization.json}: each {@code vlbytes_header} is a variable-length vector header
 * (RFC 9420 §2.1.2) that must decode, consuming every byte, to {@code length}.
 */
final class MlsDeserializationFamily implements VectorFamily {

  @Override
  public String name() {
    return "mls/deserialization";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("deserialization.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> results = new ArrayList<>();
    List<JsonNode> cases = content.elements();
    for (int i = 0; i < cases.size(); i++) {
      String name = "case " + i;
      try {
        JsonNode c = cases.get(i);
        byte[] header = c.hex("vlbytes_header");
        long expected = c.get("length").asLong();
        int decoded = TlsReader.decodeExactly(header, TlsReader::readVarint);
        results.add(decoded == expected
            ? CaseResult.passed(name)
            : CaseResult.failed(name, "length: expected " + expected + ", decoded " + decoded));
      } catch (DecodeException | RuntimeException e) {
        results.add(CaseResult.failed(name, e));
      }
    }
    return results;
  }
}
