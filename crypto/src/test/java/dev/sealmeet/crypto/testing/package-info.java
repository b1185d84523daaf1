/**
 * Helpers for the crypto module's property tests, which run on QuickTheories inside plain JUnit 5
 * {@code @Test} methods, as in the protocol module ({@code dev.sealmeet.testing}).
 *
 * <p>A falsified property reports its shrunk input and {@code Seed was N};
 * {@code mvn -B test -DQT_SEED=N -Dtest=FooProperties} replays that run.
 */
package dev.sealmeet.crypto.testing;
