/**
 * Vector families for the official MLS test vectors (mlswg/mls-implementations, format in
 * test-vectors.md), one class per file, each registered in {@link
 * dev.sealmeet.conformance.VectorFamilies}.
 *
 * <pre>
 * crypto-basics.json ─► CryptoBasicsFamily  ─► mls.crypto.MlsSuite          (RFC 9420 §5)
 * key-schedule.json  ─► KeyScheduleFamily   ─► mls.schedule (Joiner/Epoch)   (§8)
 * psk_secret.json    ─► PskSecretFamily     ─► mls.schedule.PskSecret        (§8.4)
 * secret-tree.json   ─► SecretTreeFamily    ─► mls.schedule.SecretTree       (§9, §6.3.2)
 * transcript-hashes  ─► TranscriptHashesFamily ─► mls.schedule.TranscriptHashes (§8.2)
 * message-protection ─► MessageProtectionFamily ─► mls.framing Public/PrivateMessageProtection (§6)
 * welcome.json       ─► WelcomeFamily       ─► mls.framing.WelcomeReceiver   (§12.4.3.1)
 * passive-client-*   ─► PassiveClientFamily ─► mls.group.MlsGroup join/process/merge (§12)
 * </pre>
 *
 * <p>Each per-suite family resolves {@code cipher_suite} in a {@link dev.sealmeet.crypto.SuiteRegistry}:
 * RFC 9420's by default, {@link dev.sealmeet.crypto.SuiteRegistry#draftPq()} for Sealmeet's
 * provisional post-quantum vectors in {@code spec/vectors/mls-pq/} (see {@link
 * dev.sealmeet.conformance.VectorFamilies}). The passive-client family also gives that registry to
 * the group it joins ({@code GroupConfig.withSuites}).
 */
package dev.sealmeet.conformance.mls;
