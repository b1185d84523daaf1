/**
 * Durable meeting state for {@code dev.sealmeet.meeting.MeetingStore}: a directory of atomically
 * replaced files, sealed at rest with Tink. Tink's {@code Aead} and {@code KeysetHandle} are in its
 * public signatures, hence {@code requires transitive}; Tink and Protobuf are automatic modules.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.sealmeet.store {
  requires transitive dev.sealmeet.protocol;
  requires transitive com.google.crypto.tink;

  exports dev.sealmeet.store;
}
