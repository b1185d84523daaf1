/**
 * The control messages of {@code sealmeet/meeting/v1/meeting.proto} (the wire schema: normative,
 * kept in {@code spec/proto}, shipped in the jar) as immutable values with a proto3 codec of their
 * own, so that the library needs no Protobuf runtime and a vendor's protobuf-java, of whatever
 * version, never meets ours. Not exported: the meeting layer's public API passes envelopes as
 * bytes ({@code dev.sealmeet.meeting.EnvelopeRouting} reads the routing fields of one).
 *
 * <pre>
 * bytes ─► ProtoReader (cursor, current limit, depth ≤ 100) ─► ProtoFields (one per message,
 *          last scalar wins, repeated strings append) ─► Envelope.decode ─► Handshake,
 *          WelcomeMessage, MediaFrame or MeetingEnded (the oneof body)
 * value ─► writeTo, measured ─► writeTo into an array of that size (ProtoWriter: field-number
 *       order, defaults left out) ─► bytes, identical to protobuf-java's toByteArray()
 * </pre>
 *
 * <p>Decoding is proto3 as protobuf-java implements it: fields in any order, the last scalar
 * wins, a body member repeated in a row is merged, unknown fields and groups are skipped, a known
 * field under another wire type is unknown, strings must be well-formed UTF-8, open enums keep
 * unknown numbers. protobuf-java 4.36 departs from proto3 in two corners, where this codec
 * follows proto3: its fast varint path accepts a tenth byte with the continuation bit if bit 0 is
 * set (here a varint has at most 10 bytes), and its parsers merge a body member that comes back
 * after another member with its earlier value (here it starts afresh). The tests hold the codec
 * to protobuf-java as an oracle, in test scope ({@code ControlWireDifferentialProperties}, {@code
 * EnvelopeTest}). Malformed input raises
 * {@link dev.sealmeet.error.DecodeException} and nothing else; no length is trusted before the
 * bytes behind it are there.
 */
package dev.sealmeet.meeting.wire;
