/**
 * Fault tests with real processes: each server node is its own JVM ({@link
 * dev.sealmeet.ds.faults.DeliveryNodeMain}, started by {@link dev.sealmeet.ds.faults.NodeProcess}
 * on the test class path and killed with SIGKILL), the members are real {@code Meeting}s in the
 * test JVM over {@code GrpcDeliveryService}, each on its own thread ({@link
 * dev.sealmeet.ds.faults.Committer}), and every answer ACCEPTED is recorded ({@link
 * dev.sealmeet.ds.faults.AckLog}) and looked for in the log afterwards ({@link
 * dev.sealmeet.ds.faults.LogCheck}: none lost, one commit per epoch).
 *
 * <ul>
 *   <li>{@code NodeKillTest}: two nodes over one PostgreSQL, the node in use killed again and
 *       again ({@code -Dsealmeet.nodeKills=N}, default 3);
 *   <li>{@code PostgresRestartUnderLoadTest}: PostgreSQL crashes and restarts under load;
 *   <li>{@code EmbeddedNodeRestartTest}: one node on the embedded store killed and restarted on
 *       its directory;
 *   <li>{@code LateReconnectTest}: a member away while the others commit and the node compacts
 *       ({@code -Dsealmeet.reconnectAfterSeconds=S}, default 3);
 *   <li>{@code DroppedClientRemovalTest}: the server's removal of a client that dropped.
 * </ul>
 *
 * <p>The nodes' standard error is kept in {@code ds/target/fault-nodes/}.
 */
package dev.sealmeet.ds.faults;
