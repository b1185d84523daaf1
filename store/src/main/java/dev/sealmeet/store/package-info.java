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
 * <h2>The options and what each protects</h2>
 *
 * <table>
 * <caption>Stores and their protection</caption>
 * <tr><th>store</th><th>protects against</th><th>does not protect against</th></tr>
 * <tr><td>{@link dev.sealmeet.store.EmbeddedStore#open(java.nio.file.Path)} (default, no
 *     setup): sealed records in the state directory, their keyset encrypted with a key in
 *     {@code <stateDir>.key}, newest versions there too</td>
 *     <td>a copied, synced or backed-up state directory without the key directory reveals
 *     nothing; a record moved to another meeting, member or version, altered, or rolled back
 *     is refused or seen</td>
 *     <td>anyone who can read both directories: malware running as the user, root, a backup of
 *     both</td></tr>
 * <tr><td>{@link dev.sealmeet.store.SealedStore#of(dev.sealmeet.meeting.MeetingStore,
 *     com.google.crypto.tink.Aead)} over a {@link dev.sealmeet.store.DirectoryStore} with marks
 *     apart, the AEAD from a KMS or the Android Keystore</td>
 *     <td>the above, and malware that copies every file: the key cannot be exported</td>
 *     <td>code that runs as the user while the key is usable (it can ask the keystore or KMS
 *     to open records); a rollback of both directories together</td></tr>
 * <tr><td>{@link dev.sealmeet.store.SealedStore#of(dev.sealmeet.meeting.MeetingStore,
 *     com.google.crypto.tink.KeysetHandle)}: a keyset the application loaded (decrypted by its
 *     KMS, say)</td>
 *     <td>as the AEAD it makes; the keyset is in the process's memory while it runs</td>
 *     <td>whoever can read that memory</td></tr>
 * <tr><td>{@link dev.sealmeet.store.DirectoryStore} alone: plain bytes</td>
 *     <td>crashes (old or new record, never half), damage (CRC), a file moved to another
 *     record</td>
 *     <td>anyone who can read the directory reads every secret of the member</td></tr>
 * </table>
 *
 * <p>No store hides sizes, version numbers or how many members and records there are, and no
 * file name shows a meeting id or an account (both are hashed, so a guess can be confirmed).
 *
 * <p>Every failure to write, read, or open a record is a {@link
 * dev.sealmeet.meeting.StorageException}, with the record's name, a version and a path in its
 * message, never its bytes; so is every damaged or hostile file.
 */
package dev.sealmeet.store;
