/**
 * JMH benchmarks. Per-frame SFrame cost beside raw JCE AES-GCM:
 *
 * <pre>
 * SframeProtectBenchmark.protect                 suite 1..5 x size   vs RawAesGcmBenchmark.encrypt
 * SframeRoundTripBenchmark.protectUnprotect      suite 1..5 x size   vs RawAesGcmBenchmark.encryptDecrypt
 * sizes: 64 B, 1,200 B, 16 KiB, 100 KiB (FrameBenchmarkBase)
 * </pre>
 *
 * MLS group operations, Sealmeet ({@code sealmeet}) beside BouncyCastle MLS ({@code bouncycastle}),
 * suite 1, on a shared base ({@code GroupBenchmarkBase}):
 *
 * <pre>
 * KeyPackageBenchmark       one KeyPackage for an existing identity
 * CommitCreateBenchmark     op = add | remove | update     members = 2, 10, 100, 1,000
 * CommitProcessBenchmark    op = add | remove | update     members = 2, 10, 100, 1,000
 * JoinBenchmark             Welcome, tree validated        members = 2 .. 10,000
 * group of N: creator (leaf 0) adds N-1 in one commit; only the receiver joins
 * tree = realistic | half: a cached lived-in group (RealisticGroupFixture) that a peer joins by
 *   Welcome (PeerEpoch): BouncyCastle in JMH; ts-mls under Node through PeerExchange's files
 *   (benchmarks/ts-mls/run.sh), method tsmls in its JMH-shaped JSON
 * </pre>
 *
 * MLS group operations per cipher suite, Sealmeet only: suite 1 beside the post-quantum suites 0xF001
 * (X-Wing, Ed25519) and 0xF00A (ML-KEM-768, ML-DSA-65) of draft-ietf-mls-pq-ciphersuites-06
 * ({@code PqBenchmarkBase}; sizes of KeyPackage, commits and Welcome from {@code PqSizes}):
 *
 * <pre>
 * PqKeyPackageBenchmark     suite
 * PqCommitCreateBenchmark   suite x op = add | update x members = 10, 100, 1,000
 * PqCommitProcessBenchmark  suite x op = add | update x members = 10, 100, 1,000
 * PqJoinBenchmark           suite x members = 10, 100, 1,000
 * </pre>
 *
 * P-curve cost, the library beside the BouncyCastle code it used before (BcGenericEc):
 *
 * <pre>
 * EcdhBenchmark.dh / publicKey / generateKeyPair   curve P-256..P-521 x impl sealmeet, bc-generic
 * EcdsaBenchmark.sign / verify                     curve P-256..P-521 x impl sealmeet, bc-generic
 * </pre>
 *
 * How to run them: {@code benchmarks/README.md}. {@link dev.sealmeet.bench.SframeBenchTable} and
 * {@link dev.sealmeet.bench.MlsBenchTable} and {@link dev.sealmeet.bench.PqBenchTable} run quick
 * versions programmatically for {@code sealmeet bench sframe}, {@code mls} and {@code pq}, with a
 * {@link dev.sealmeet.bench.Progress} line per finished cell ({@link
 * dev.sealmeet.bench.ProgressFormat}). The README's generated tables and plots come from {@code
 * dev.sealmeet.bench.report}.
 */
package dev.sealmeet.bench;
