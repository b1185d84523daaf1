/**
 * The delivery service's {@link dev.sealmeet.ds.LogStore} in PostgreSQL, for any number of
 * stateless server nodes sharing one database ({@code --postgres URL}).
 *
 * <p>Every rule that must hold across nodes is decided by the database in one transaction, never
 * in a node's memory: appends to a meeting are serialized by its row lock; the primary key of
 * {@code commits (meeting, epoch)} makes a second commit of an epoch impossible (RFC 9420 §14: the
 * first valid commit of an epoch is the one the group follows); the primary key of {@code answers}
 * gives a submit id one answer; a KeyPackage (RFC 9420 §10) is handed out by deleting it. The
 * schema is versioned by Flyway ({@code db/migration}), migrated when a store opens.
 *
 * <pre>
 *   node A: append ─► BEGIN
 *                      SELECT meetings ... FOR NO KEY UPDATE   (waits for other appenders)
 *                      answer of the submit id? ─► Duplicate
 *                      epoch moved?             ─► EpochMoved
 *                      INSERT entries (next_seq), INSERT commits (meeting, epoch)
 *                      UPDATE meetings head, INSERT answers, pg_notify(meeting hex)
 *                     COMMIT ─► A's listeners (on A's thread)
 *                        │
 *                        └─ NOTIFY ─► node B's LISTEN connection ─► B's listeners
 * </pre>
 *
 * <p>Connections have connect and socket timeouts, and a failed one is replaced, so a database
 * that is down makes calls fail with {@link dev.sealmeet.ds.StoreException} and a restarted one
 * is used again. Log lines and exception messages carry SQLStates, never payloads or accounts.
 */
package dev.sealmeet.ds.postgres;
