/**
 * Sealmeet's protocols: the meeting layer, MLS groups and SFrame, with the wire records, tree, key
 * schedule and codec types their public signatures name. Message protection
 * ({@code dev.sealmeet.mls.framing}), {@code dev.sealmeet.protocol.internal} and the control
 * messages of {@code meeting.proto} ({@code dev.sealmeet.meeting.wire}) stay inside. The control
 * envelopes have a proto3 codec of their own, so the module needs no Protobuf runtime and a
 * vendor's protobuf-java, of whatever version, never meets ours.
 */
module dev.sealmeet.protocol {
  requires transitive dev.sealmeet.crypto;
  requires java.logging;

  exports dev.sealmeet.codec;
  exports dev.sealmeet.meeting;
  exports dev.sealmeet.mls.crypto;
  exports dev.sealmeet.mls.group;
  exports dev.sealmeet.mls.message;
  exports dev.sealmeet.mls.schedule;
  exports dev.sealmeet.mls.tree;
  exports dev.sealmeet.rtp;
  exports dev.sealmeet.sframe;
  exports dev.sealmeet.sframe.auth;
  exports dev.sealmeet.sframe.codec;
  exports dev.sealmeet.webrtc;
}
