package dev.sealmeet.mls.group;

import java.util.Arrays;

/**
 * What must not change when a group rejects input: epoch, GroupContext, tree, epoch authenticator,
 * an exporter value and the count of stored proposals.
 */
record GroupSnapshot(long epoch, byte[] context, byte[] tree, byte[] authenticator,
    byte[] exported, int proposals, MlsGroup.Status status) {

  static GroupSnapshot of(MlsGroup group) {
    return new GroupSnapshot(group.epoch(), group.context().toBytes(),
        group.ratchetTree().encode(), group.epochAuthenticator(),
        group.export("snapshot", new byte[0], 32), group.pendingProposalCount(), group.status());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupSnapshot s && epoch == s.epoch && Arrays.equals(context, s.context)
        && Arrays.equals(tree, s.tree) && Arrays.equals(authenticator, s.authenticator)
        && Arrays.equals(exported, s.exported) && proposals == s.proposals && status == s.status;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(epoch);
  }

  @Override
  public String toString() {
    return "GroupSnapshot[epoch " + epoch + ", " + proposals + " proposals, " + status + "]";
  }
}
