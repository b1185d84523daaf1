/**
 * Helpers for the crypto module's property tests, which run on QuickTheories inside plain JUnit 5
 * {@code @Test} methods, as in the protocol module ({@code dev.sealmeet.testing}).
 *
 * <p>A falsified property reports its shrunk input and {@code Seed was N}; the system property
 * {@code -DQT_SEED=N} replays that run (README, "Testing").
 */
package dev.sealmeet.crypto.testing;
