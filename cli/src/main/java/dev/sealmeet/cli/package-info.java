/**
 * The {@code sealmeet} command line (picocli).
 *
 * <pre>
 * ./sealmeet (launcher: builds cli/target/sealmeet.jar on first use) ──► Main
 *   ├─ demo [--network]                          MeetingDemo: script and proofs (DemoProofs) over
 *   │                                            DemoParty: LocalParty in this JVM, or RemoteParty
 *   │                                            to a PartyProcess JVM each, a sealmeet ds child
 *   │                                            (NetworkDemo), its store scanned (StoreScan)
 *   ├─ conformance [--vectors DIR]... [--json]   runs vector files through dev.sealmeet.conformance
 *   ├─ bench sframe [options]                    quick JMH table from dev.sealmeet.bench
 *   └─ interop-client --port N [--host ADDRESS]  gRPC MLSClient server from dev.sealmeet.interop
 * </pre>
 *
 * Exit status: 0 on success, 1 when a vector case failed, 2 for bad usage.
 */
package dev.sealmeet.cli;
