/**
 * The delivery service as a server (RFC 9420 §14, §16.9): a transport-neutral {@link
 * dev.sealmeet.ds.DeliveryCore} over a {@link dev.sealmeet.ds.LogStore}.
 *
 * <pre>
 * transport (gRPC, in-process CoreDeliveryService)
 *   └─► DeliveryCore: who may do what (Caller), ServerAdmission checks against a cached
 *       PublicGroupView, Ordering (append at the checked epoch, again if it moved), Pushes
 *       (per subscription: read from its next sequence on a wake-up or a timer), Retention
 *       (compact below every reader's position, drop an ended meeting)
 *         └─► LogStore: one transaction per call; MemoryLogStore (in memory, or durable
 *             through a StoreJournal: the embedded FileLogStore), PostgreSQL for many nodes
 * </pre>
 *
 * <p>Every rule that must hold across nodes (gapless sequence numbers, one commit per epoch,
 * one answer per submit id, each KeyPackage handed out once) is the store's; a node's memory
 * holds caches and hints only (views, readers' positions, knock times).
 *
 * <p>A {@link dev.sealmeet.ds.PresencePolicy} (off unless a transport turns it on) proposes, as
 * the group's external sender, the removal of a client whose account has been absent (no call,
 * no open subscription) for a set time; the members' pending-proposal policy commits it.
 */
package dev.sealmeet.ds;
