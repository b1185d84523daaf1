package dev.sealmeet.interop;

import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;

/**
 * A client waiting for a Welcome: its KeyPackage with private keys, its identity, and the PSKs
 * stored for it before it joins ({@code CreateKeyPackage}, {@code NewMemberAddProposal}).
 *
 * @param suite the KeyPackage's suite
 * @param bundle the KeyPackage and its private keys
 * @param identity the identity that signed it
 * @param psks external PSKs stored for this client; the joined state keeps them
 */
record Transaction(MlsSuite suite, KeyPackageBundle bundle, SigningIdentity identity,
    PskStore psks) implements Held {

  /** Wipes the private keys (the joined state has its own copies). */
  @Override
  public void close() {
    bundle.close();
  }
}
