/**
 * Helpers for the protocol's property tests, which run on QuickTheories inside plain JUnit 5
 * {@code @Test} methods.
 *
 * <pre>
 *   {@literal @}Test void x() {
 *     qt().withExamples(300)            // the property's number of tries
 *         .forAll(Gens.bytes(80), ...)  // shared generators (WireGens for MLS structs)
 *         .checkAssert(Checked.of((bytes, ...) -&gt; { ... }));
 *   }
 * </pre>
 *
 * <p>A falsified property reports its shrunk input and {@code Seed was N}; the system property
 * {@code -DQT_SEED=N} replays that run (README, "Testing").
 */
package dev.sealmeet.testing;
