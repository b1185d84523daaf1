/**
 * The TLS presentation language as MLS uses it (RFC 9420 §2.1): fixed-width integers, the
 * variable-length integer of §2.1.2 for vector lengths, {@code optional<T>} (§2.1.1), opaque fields and
 * vectors of structures.
 *
 * <pre>
 * bytes ──► TlsReader (cursor + hard limit) ──► record.decode(reader) ──► reader.finish()
 * record.encode(writer) ──► TlsWriter ──► bytes
 * </pre>
 *
 * Nothing here is MLS-specific. Malformed input raises {@link dev.sealmeet.error.DecodeException}.
 */
package dev.sealmeet.codec;
