/**
 * The conformance runner: finds vector files, hands each to the {@link
 * dev.sealmeet.conformance.VectorFamily} that recognises it, and counts every case as passed, failed
 * or skipped with a reason.
 *
 * <pre>
 * folders ──► ConformanceRunner ──► (per .json file) VectorFamilies.all() ──► first family that
 *   recognises it ──► CaseResult per case ──► Report ──► ReportPrinter (text / JSON)
 * </pre>
 *
 * The same families back the JUnit tests, so {@code mvn verify} fails when a bundled vector fails.
 */
package dev.sealmeet.conformance;
