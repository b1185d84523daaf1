package dev.sealmeet.bench;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.auth.SenderAuthParams;
import dev.sealmeet.sframe.auth.TagSignatureFrame;
import dev.sealmeet.sframe.auth.TagSigner;
import dev.sealmeet.sframe.auth.TagVerifier;
import java.security.SecureRandom;

/**
 * A sender's {@link TagSigner} and a receiver's {@link TagVerifier} for {@link SframeFixture#KID},
 * with the default parameters (a statement every 16 frames, 2 copies) and MLS suite 1's Ed25519
 * (BouncyCastle) leaf key.
 */
final class SenderAuthFixture {
  static final byte[] GROUP_ID = new byte[32];

  final MlsSuite mls;
  final RawKeyPair leafKey;
  final TagSigner signer;
  final TagVerifier verifier;

  SenderAuthFixture(int tagLength) {
    try {
      mls = MlsSuite.of(1, new SecureRandom());
    } catch (SealmeetException e) {
      throw new IllegalStateException(e);
    }
    leafKey = mls.primitives().signatureGenerateKeyPair();
    SenderAuthParams params = SenderAuthParams.defaults();
    signer = new TagSigner(params, tagLength, GROUP_ID, tbs -> {
      try {
        return mls.signWithLabel(leafKey.privateKey(), TagSignatureFrame.LABEL, tbs);
      } catch (BadKeyException e) {
        throw new IllegalStateException(e);
      }
    }, System::nanoTime);
    verifier = new TagVerifier(params, tagLength, GROUP_ID,
        (kid, tbs, signature) -> mls.verifyWithLabel(leafKey.publicKey(), TagSignatureFrame.LABEL,
            tbs, signature),
        kid -> kid >>> 4, (kid, ctr, reason) -> { }, System::nanoTime);
  }
}
