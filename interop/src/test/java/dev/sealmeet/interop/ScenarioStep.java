package dev.sealmeet.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mls_client.MlsClient.Extension;

/**
 * One step of a scenario script, read the way the working group's Go runner reads it: a field
 * name matches a JSON key regardless of case ({@code encoding/json}), an absent field is the zero
 * value, and {@code []byte} fields are base64.
 */
final class ScenarioStep {
  private final int index;
  private final JsonObject json;

  ScenarioStep(int index, JsonObject json) {
    this.index = index;
    this.json = json;
  }

  int index() {
    return index;
  }

  String action() {
    return text("action");
  }

  String actor() {
    return text("actor");
  }

  JsonObject json() {
    return json;
  }

  private JsonElement field(String name) {
    JsonElement exact = json.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonElement> e : json.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A string field, "" if absent. */
  String text(String name) {
    JsonElement e = field(name);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }

  /** A number field, 0 if absent. */
  int number(String name) {
    JsonElement e = field(name);
    return e == null || e.isJsonNull() ? 0 : e.getAsInt();
  }

  /** A boolean field, false if absent. */
  boolean flag(String name) {
    JsonElement e = field(name);
    return e != null && !e.isJsonNull() && e.getAsBoolean();
  }

  /** A list of strings, empty if absent. */
  List<String> names(String name) {
    List<String> out = new ArrayList<>();
    JsonElement e = field(name);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }

  /** A list of step indices, empty if absent. */
  List<Integer> indices(String name) {
    List<Integer> out = new ArrayList<>();
    JsonElement e = field(name);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(x.getAsInt()));
    }
    return out;
  }

  /** A list of objects (proposal descriptions), empty if absent. */
  List<ScenarioStep> objects(String name) {
    List<ScenarioStep> out = new ArrayList<>();
    JsonElement e = field(name);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> out.add(new ScenarioStep(index, x.getAsJsonObject())));
    }
    return out;
  }

  /** An object field (a proposal description). */
  ScenarioStep object(String name) {
    JsonElement e = field(name);
    return new ScenarioStep(index, e == null ? new JsonObject() : e.getAsJsonObject());
  }

  /** The harness extensions: {@code extension_type} and base64 {@code extension_data}. */
  List<Extension> extensions(String name) {
    List<Extension> out = new ArrayList<>();
    JsonElement e = field(name);
    if (e != null && e.isJsonArray()) {
      for (JsonElement x : (JsonArray) e) {
        ScenarioStep ext = new ScenarioStep(index, x.getAsJsonObject());
        out.add(Extension.newBuilder().setExtensionType(ext.number("extension_type"))
            .setExtensionData(com.google.protobuf.ByteString.copyFrom(
                Base64.getDecoder().decode(ext.text("extension_data"))))
            .build());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "step " + index + " " + json;
  }
}
