package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.mls.framing.WelcomeSender;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.GroupInfo;
import java.util.ArrayList;
import java.util.List;

/** Builds and signs the GroupInfo of an epoch (RFC 9420 §12.4.3). */
final class GroupInfos {
  private GroupInfos() {}

  /**
   * The signed GroupInfo of {@code epoch}, with {@code external_pub} (§12.4.3.2) and, if asked,
   * the {@code ratchet_tree} extension (§12.4.3.3).
   */
  static GroupInfo signed(EpochState epoch, boolean withRatchetTree, SigningIdentity signer) {
    List<Extension> extensions = new ArrayList<>();
    if (withRatchetTree) {
      extensions.add(new Extension(Extensions.RATCHET_TREE, epoch.tree.encode()));
    }
    extensions.add(new Extension(Extensions.EXTERNAL_PUB,
        new TlsWriter().writeOpaque(epoch.secrets.externalPublicKey()).toByteArray()));
    GroupInfo unsigned = new GroupInfo(epoch.context, extensions, epoch.confirmationTag,
        epoch.ownLeaf, new byte[0]);
    byte[] key = signer.privateKeyCopy();
    try {
      return WelcomeSender.sign(epoch.suite, unsigned, key);
    } catch (BadKeyException e) {
      throw new IllegalStateException("the identity's key does not fit the suite", e);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }
}
