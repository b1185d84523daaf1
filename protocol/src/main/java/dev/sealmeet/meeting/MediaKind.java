package dev.sealmeet.meeting;

/** What a media frame carries; the delivery service may route on it, it never reads the frame. */
public enum MediaKind {
  /** An audio frame. */
  AUDIO,
  /** A video frame. */
  VIDEO
}
