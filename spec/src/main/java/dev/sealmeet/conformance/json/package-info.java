/**
 * A small strict JSON reader for test-vector files ({@link dev.sealmeet.conformance.json.Json}) and a
 * typed view of its result ({@link dev.sealmeet.conformance.json.JsonNode}) whose errors name the JSON
 * path, so the conformance runner needs no JSON dependency. Integers keep their full 64-bit unsigned
 * range (SFrame counters).
 */
package dev.sealmeet.conformance.json;
