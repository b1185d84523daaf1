/**
 * The exception hierarchy shared by every Sealmeet module.
 *
 * <pre>
 * SealmeetException (checked, hostile or unusable input; reason() to branch on)
 *  ├─ DecodeException          malformed encoding
 *  ├─ AuthenticationException  tag, MAC or signature failed
 *  ├─ ProtocolException        rule broken, with its RFC section
 *  ├─ ReplayException          seen before / too old
 *  ├─ UnsupportedException     suite, version, extension
 *  └─ BadKeyException      bad point, low order, all-zero DH output
 * SealmeetBugException (unchecked): our own bug, never input-driven
 * </pre>
 *
 * API misuse (null arguments, wrong buffer sizes) throws {@link IllegalArgumentException} or
 * {@link IllegalStateException}.
 */
package dev.sealmeet.error;
