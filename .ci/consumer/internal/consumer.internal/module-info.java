/** Reaches into a package the protocol module does not export: must not compile. */
module consumer.internal {
  requires dev.sealmeet.protocol;
}
