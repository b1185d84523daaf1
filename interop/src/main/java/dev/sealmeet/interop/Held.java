package dev.sealmeet.interop;

/** Something {@link ClientStates} holds under an id; {@link #close()} erases its secrets. */
interface Held extends AutoCloseable {
  /** Erases the secrets; throws nothing. */
  @Override
  void close();
}
