/**
 * Where a meeting's state is kept between runs: implementations of {@link
 * dev.sealmeet.meeting.MeetingStore}, the interface a {@code Meeting} writes through before it
 * uses a change (architecture, "storage"; OpenMLS's {@code StorageProvider} is the model).
 *
 * <pre>
 * Meeting ── write(StateRecord: key, version, bytes) ──► DirectoryStore:
 *        stateDir/&lt;member&gt;/&lt;key&gt;.rec  (temp file, fsync, atomic rename, fsync directory),
 *        then markDir/&lt;member&gt;/&lt;key&gt;.mark
 * Meeting.resume ◄── read(key) + newestVersion(key): a record older than the newest is a rollback
 * </pre>
 *
 * <p>{@link dev.sealmeet.store.DirectoryStore} keeps the bytes as given: it protects against
 * crashes (old or new record, never half), damage (CRC) and a file moved to another record, not
 * against anyone who can read the directory.
 *
 * <p>Every failure to write or read a record is a {@link dev.sealmeet.meeting.StorageException},
 * with the record's name, a version and a path in its message, never its bytes; so is every
 * damaged or hostile file.
 */
package dev.sealmeet.store;
