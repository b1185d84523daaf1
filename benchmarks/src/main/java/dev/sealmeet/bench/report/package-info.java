/**
 * The benchmark report tool ({@link dev.sealmeet.bench.report.Report}): the tables and plots of
 * {@code benchmarks/README.md} produced from the raw JMH JSON kept in {@code benchmarks/results/},
 * never typed by hand.
 *
 * <pre>
 * results/X.json ──JmhJson──▶ JmhRun ──MarkdownReport──▶ table ─┐
 * results/X.env.json ─RunEnv─▶ (CPU, load, date, commit) ───────┤ SectionReport ─▶ README block
 *                                 JmhRun ──Plots (XChart)──▶ results/plots/X-Class.svg ──┘
 * </pre>
 *
 * A result file's sitting (CPU model and flags, load average at start and end, date, commit) is not
 * in JMH's JSON: {@link dev.sealmeet.bench.report.EnvProbe} writes it beside the file as {@code
 * X.env.json} before and after a run.
 */
package dev.sealmeet.bench.report;
