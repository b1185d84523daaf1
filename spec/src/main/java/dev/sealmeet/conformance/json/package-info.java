/**
 * Test-vector JSON: {@link dev.sealmeet.conformance.json.Json} parses a file strictly with Jackson's
 * tree model, and {@link dev.sealmeet.conformance.json.JsonNode} is a typed view of the result whose
 * errors name the JSON path. Integers keep their full 64-bit unsigned range (SFrame counters).
 */
package dev.sealmeet.conformance.json;
