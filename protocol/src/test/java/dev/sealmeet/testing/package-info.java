/**
 * Test helpers of the protocol module: the fuzzing invariant ({@code FuzzChecks}). Property tests
 * run on QuickTheories inside plain JUnit 5 {@code @Test} methods, with the generators and checked
 * lambdas of {@code dev.sealmeet.crypto.testing} (crypto's test-jar):
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
