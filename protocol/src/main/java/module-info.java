/**
 * Sealmeet's protocols: the meeting layer, MLS groups and SFrame, with the wire records, tree, key
 * schedule and codec types their public signatures name. Message protection
 * ({@code dev.sealmeet.mls.framing}), {@code dev.sealmeet.protocol.internal} and the control
 * envelopes' generated Protobuf classes ({@code dev.sealmeet.meeting.proto}) stay inside: no
 * public signature names a Protobuf type, so a vendor's own protobuf runtime never meets ours in
 * our API. Protobuf is an automatic module until protobuf-java ships a module descriptor.
 */
@SuppressWarnings("requires-automatic")
module dev.sealmeet.protocol {
  requires transitive dev.sealmeet.crypto;
  requires com.google.protobuf;
  requires java.logging;

  exports dev.sealmeet.codec;
  exports dev.sealmeet.meeting;
  exports dev.sealmeet.mls.crypto;
  exports dev.sealmeet.mls.group;
  exports dev.sealmeet.mls.message;
  exports dev.sealmeet.mls.schedule;
  exports dev.sealmeet.mls.tree;
  exports dev.sealmeet.sframe;
}
