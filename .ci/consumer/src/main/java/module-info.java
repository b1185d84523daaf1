/** The consumer as a named module: the meeting artifact's module and the vendor's own protobuf. */
@SuppressWarnings("requires-automatic")
module consumer {
  requires dev.sealmeet.protocol;
  requires com.google.protobuf;
}
