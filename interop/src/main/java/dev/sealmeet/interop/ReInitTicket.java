package dev.sealmeet.interop;

import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.SigningIdentity;

/**
 * A member between a merged ReInit commit and its successor group (RFC 9420 §11.2): the old
 * group's state, now {@code REINIT_PENDING}, and the fresh KeyPackage and identity in the ReInit's
 * suite that {@code HandleReInitCommit} handed out. {@code ReInitWelcome} and {@code
 * HandleReInitWelcome} take it by its {@code reinit_id} and consume it.
 *
 * @param old the state in the old group (also held under its own state id)
 * @param bundle the KeyPackage in the new suite, with its private keys
 * @param identity the identity in the new suite: the old credential, a new signature key
 */
record ReInitTicket(GroupState old, KeyPackageBundle bundle, SigningIdentity identity)
    implements Held {

  /**
   * Wipes the KeyPackage's private keys (a joined state has its own copies). The old state is
   * freed under its own id; the identity may be shared with the successor state, so it stays.
   */
  @Override
  public void close() {
    bundle.close();
  }
}
