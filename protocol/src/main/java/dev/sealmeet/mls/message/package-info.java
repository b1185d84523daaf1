/**
 * The MLS wire structures (RFC 9420 §5.3, §6, §7, §10–12): immutable records, each with a static
 * {@code decode(TlsReader)} and an {@code encode(TlsWriter)} that re-produces the decoded bytes
 * exactly. Nothing here checks signatures, tags or group semantics; that is for the tree, schedule,
 * framing and group code.
 *
 * <pre>
 * bytes ──► MlsMessage.decode ──► PublicMessage | PrivateMessage | Welcome | GroupInfo | KeyPackage
 *             (version, wire format)        │
 *                                            ├── FramedContent ─► Proposal | Commit | application data
 *                                            └── LeafNode, UpdatePath, GroupContext, Extension, ...
 * record ──► toBytes() / toBeSigned() ──► bytes for SignWithLabel and the hashes
 * </pre>
 *
 * <p>Conventions:
 * <ul>
 *   <li>{@code byte[]} fields are copied by the compact constructor and their accessors return a copy;
 *       lists are immutable copies. Records with array fields define {@code equals}/{@code hashCode} by
 *       their encoding (constant-time compare). Records holding secrets or plaintext override
 *       {@code toString}.
 *   <li>uint32 fields are {@code long} (0..2^32-1), uint64 fields are {@code long} read as unsigned,
 *       uint16 and uint8 code points are {@code int}; cipher suites are ids, not crypto objects.
 *   <li>Code points the RFC lets receivers ignore (extension, GREASE values in capabilities) are kept
 *       and re-encoded; unknown credential and proposal types are carried as one opaque body
 *       ({@code opaque data<V>}) since the RFC defines no layout for them.
 *   <li>Malformed input fails with {@link dev.sealmeet.error.DecodeException}; the reader checks every
 *       length against the bytes left before it allocates.
 * </ul>
 */
package dev.sealmeet.mls.message;
