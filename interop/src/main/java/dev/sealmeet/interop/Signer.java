package dev.sealmeet.interop;

import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;

/**
 * An external sender created by {@code CreateExternalSigner} (RFC 9420 §12.1.8.1): an identity
 * outside every group that signs proposals for groups listing it in {@code external_senders}.
 *
 * @param suite the suite of its signature key
 * @param identity its credential and signature key
 */
record Signer(MlsSuite suite, SigningIdentity identity) implements Held {

  /** Wipes the private key. */
  @Override
  public void close() {
    identity.close();
  }
}
