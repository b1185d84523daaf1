/**
 * The MLS working group's interop test-harness interface: a gRPC server for the {@code MLSClient}
 * service (the working group's interop interface, stated in our own {@code
 * sealmeet_interop_client.proto}), built on the public API of {@code mls.group} only.
 *
 * <pre>
 *   test runner (any implementation's) ──gRPC──► InteropServer ──► MlsClientService
 *                                                                 │  one RPC, one call():
 *                                                                 │  errors become a Status
 *                                                                 ▼
 *                                   ClientStates: id ─► GroupState | Transaction | Signer
 *                                                                 │
 *                                                                 ▼
 *                                       MlsGroup, KeyPackageBundle, ExternalProposals, …
 * </pre>
 *
 * <p>Reinit and branch go through {@link dev.sealmeet.interop.SubgroupOperations}, served by
 * {@link dev.sealmeet.interop.ResumptionOperations}.
 */
package dev.sealmeet.interop;
