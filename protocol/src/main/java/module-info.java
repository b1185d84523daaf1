/**
 * Sealmeet's protocols: the meeting layer, MLS groups and SFrame, with the wire records, tree, key
 * schedule and codec types their public signatures name. Message protection
 * ({@code dev.sealmeet.mls.framing}) and {@code dev.sealmeet.protocol.internal} stay inside.
 * Protobuf is an automatic module until protobuf-java ships a module descriptor.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.sealmeet.protocol {
  requires transitive dev.sealmeet.crypto;
  requires transitive com.google.protobuf;
  requires java.logging;

  exports dev.sealmeet.codec;
  exports dev.sealmeet.meeting;
  exports dev.sealmeet.meeting.proto;
  exports dev.sealmeet.mls.crypto;
  exports dev.sealmeet.mls.group;
  exports dev.sealmeet.mls.message;
  exports dev.sealmeet.mls.schedule;
  exports dev.sealmeet.mls.tree;
  exports dev.sealmeet.sframe;
}
