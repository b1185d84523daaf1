/**
 * The embedded store: {@link dev.sealmeet.ds.file.FileLogStore}, durable in one directory with
 * no setup, the server's default for a single node.
 *
 * <pre>
 * call ─► MemoryLogStore decides ─► StoreChange ─► JournalFile: frame (CRC32C), write, force
 *      ─► applied in memory ─► answer
 * open ─► lock file ─► replay the journal (torn tail cut, corruption refused) ─► state
 * compact / drop ─► snapshot of the state ─► temp file, force, rename, force the directory
 * </pre>
 */
package dev.sealmeet.ds.file;
