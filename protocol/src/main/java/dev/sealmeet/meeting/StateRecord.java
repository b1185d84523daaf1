package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * One saved record of a member's state, as a {@link MeetingStore} keeps it. The bytes are the
 * meeting's own encoding in clear: they hold every secret the member has (MLS epoch secrets, path
 * keys, its KeyPackages' private keys), so a store seals them before they leave memory, as
 * sealmeet-store's stores do. {@link #toString()} never shows them.
 *
 * @param key which record of which member of which meeting
 * @param version the meeting's write counter for this record: every write of a record has a
 *     greater version than the one before, so an older copy can be told from the newest
 * @param bytes the record (copied)
 */
public record StateRecord(StateKey key, long version, byte[] bytes) {
  /** @throws IllegalArgumentException if the version is not positive */
  public StateRecord {
    Objects.requireNonNull(key, "key");
    if (version <= 0) {
      throw new IllegalArgumentException("a state record's version starts at 1, got " + version);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateRecord r && key.equals(r.key) && version == r.version
        && java.util.Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, version, java.util.Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "StateRecord[" + key + ", version " + version + ", " + bytes.length + " bytes]";
  }
}
