/**
 * JMH benchmarks. Per-frame SFrame cost beside raw JCE AES-GCM:
 *
 * <pre>
 * SframeProtectBenchmark.protect                 suite 1..5 x size   vs RawAesGcmBenchmark.encrypt
 * SframeRoundTripBenchmark.protectUnprotect      suite 1..5 x size   vs RawAesGcmBenchmark.encryptDecrypt
 * sizes: 64 B, 1,200 B, 16 KiB, 100 KiB (FrameBenchmarkBase)
 * </pre>
 *
 * P-curve cost, the library beside the BouncyCastle code it used before (BcGenericEc):
 *
 * <pre>
 * EcdhBenchmark.dh / publicKey / generateKeyPair   curve P-256..P-521 x impl sealmeet, bc-generic
 * EcdsaBenchmark.sign / verify                     curve P-256..P-521 x impl sealmeet, bc-generic
 * </pre>
 *
 * How to run them: {@code benchmarks/README.md}. {@link dev.sealmeet.bench.SframeBenchTable} runs a
 * quick version programmatically for {@code sealmeet bench sframe}.
 */
package dev.sealmeet.bench;
