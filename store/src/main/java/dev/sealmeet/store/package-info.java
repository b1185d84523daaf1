/**
 * Where a meeting's state is kept between runs: implementations of {@link
 * dev.sealmeet.meeting.MeetingStore}, the interface a {@code Meeting} writes through before it
 * uses a change (architecture, "storage"; OpenMLS's {@code StorageProvider} is the model).
 *
 * <pre>
 * Meeting ── write(StateRecord: key, version, bytes in clear) ──► SealedStore
 *    SealedStore: Tink AEAD, associated data = label, meeting id, account, name, version
 *        ──► DirectoryStore: stateDir/&lt;member&gt;/&lt;key&gt;.rec  (temp file, fsync, atomic rename,
 *                            fsync directory), then markDir/&lt;member&gt;/&lt;key&gt;.mark
 * Meeting.resume ◄── read(key) + newestVersion(key): a record older than the newest is a rollback
 * </pre>
 *
 * <p>{@link dev.sealmeet.store.DirectoryStore} keeps the bytes as given: it protects against
 * crashes (old or new record, never half), damage (CRC) and a file moved to another record, not
 * against anyone who can read the directory. {@link dev.sealmeet.store.SealedStore} seals them
 * with a Tink AEAD (a KMS's, the Android Keystore's, or a keyset the application loaded): a
 * reader of the wrapped store without the key learns nothing but sizes and versions, and a record
 * moved to another meeting, member, name or version does not open.
 *
 * <p>Every failure to write, read, or open a record is a {@link dev.sealmeet.meeting.StorageException},
 * with the record's name, a version and a path in its message, never its bytes; so is every
 * damaged or hostile file.
 */
package dev.sealmeet.store;
