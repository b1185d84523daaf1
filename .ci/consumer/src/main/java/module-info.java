/** The consumer as a named module: it needs only the meeting artifact's module. */
module consumer {
  requires dev.sealmeet.protocol;
}
