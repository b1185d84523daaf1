package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import java.io.IOException;
import java.security.MessageDigest;

/**
 * A lived-in Sealmeet group ({@link RealisticGroupFixture}) that a peer joins: leaf 0, the
 * viewpoint, commits {@code Add(peer's KeyPackage)} without a path (the cached tree stays as it
 * was, the peer's leaf unmerged in the parents above it; RFC 9420 §12.4, §12.4.3.1) and sends the
 * Welcome with the {@code ratchet_tree} extension (§12.4.3.3). The last leaf processes that Add,
 * so viewpoint and last are current in the epoch the peer joins, and the peer holds the same
 * tree plus itself. A peer is BouncyCastle MLS in JMH, or ts-mls through {@code PeerExchange}.
 *
 * <p>The {@code check} methods prove, once per fixture and outside any timed loop, that interop
 * genuinely works: the same {@code epoch_authenticator} (§8.7) on both sides.
 */
final class PeerEpoch {
  /** Leaf 0, in the epoch after the peer's Add. */
  final MlsGroup viewpoint;
  /** The last leaf of the cached group, in the same epoch; null at 1 member. */
  final MlsGroup last;
  /** The Add commit's Welcome, the tree inside. */
  final byte[] welcome;

  private PeerEpoch(MlsGroup viewpoint, MlsGroup last, byte[] welcome) {
    this.viewpoint = viewpoint;
    this.last = last;
    this.welcome = welcome;
  }

  /**
   * Loads (or builds) the {@code members}-member group of shape {@code tree}, adds the peer whose
   * KeyPackage is {@code keyPackage} (an {@code MLSMessage}) and merges the Add at both members.
   *
   * @throws SealmeetException if the KeyPackage or the Add is rejected
   */
  static PeerEpoch open(SealmeetGroupFixture fixture, int members, String tree,
      byte[] keyPackage) throws SealmeetException, IOException {
    return open(fixture, members, tree, (KeyPackage) MlsMessage.fromBytes(keyPackage).body());
  }

  /** As {@link #open(SealmeetGroupFixture, int, String, byte[])}, with a decoded KeyPackage. */
  static PeerEpoch open(SealmeetGroupFixture fixture, int members, String tree,
      KeyPackage keyPackage) throws SealmeetException, IOException {
    RealisticGroupFixture.Members loaded = RealisticGroupFixture.load(fixture, members, tree);
    MlsGroup viewpoint = loaded.viewpoint();
    CommitResult added = viewpoint.commit(CommitRequest.empty().add(keyPackage));
    viewpoint.mergePendingCommit();
    MlsGroup last = loaded.last();
    if (last != null) {
      last.merge((StagedCommit) last.process(MlsMessage.fromBytes(added.commit().toBytes())));
      requireSame("the last leaf after the peer's Add", viewpoint.epochAuthenticator(),
          last.epochAuthenticator());
    }
    return new PeerEpoch(viewpoint, last, added.welcome().orElseThrow().toBytes());
  }

  /**
   * Checks that a peer that joined from {@link #welcome} is in the viewpoint's epoch.
   *
   * @throws IllegalStateException if the epoch authenticators differ
   */
  void checkJoined(byte[] peerAuthenticator) {
    requireSame("the peer after joining", viewpoint.epochAuthenticator(), peerAuthenticator);
  }

  /**
   * Checks a commit the peer created in this epoch: the viewpoint processes and merges it (every
   * RFC 9420 check) and must reach the peer's next epoch. The viewpoint moves on: call this once,
   * after the viewpoint's own use.
   *
   * @throws SealmeetException if the viewpoint rejects the commit
   * @throws IllegalStateException if the epoch authenticators differ
   */
  void checkPeerCommit(byte[] commit, byte[] peerNextAuthenticator) throws SealmeetException {
    viewpoint.merge((StagedCommit) viewpoint.process(MlsMessage.fromBytes(commit)));
    requireSame("the viewpoint after the peer's commit", peerNextAuthenticator,
        viewpoint.epochAuthenticator());
  }

  /**
   * Checks that the peer, having processed the viewpoint's pending commit, is in the epoch that
   * commit makes: merges it at the viewpoint. Call this once, after the viewpoint's own use.
   *
   * @throws IllegalStateException if the epoch authenticators differ
   */
  void checkProcessedByPeer(byte[] peerNextAuthenticator) {
    viewpoint.mergePendingCommit();
    requireSame("the peer after the viewpoint's commit", viewpoint.epochAuthenticator(),
        peerNextAuthenticator);
  }

  /** Wipes both Sealmeet members. */
  void close() {
    viewpoint.close();
    if (last != null) {
      last.close();
    }
  }

  private static void requireSame(String what, byte[] expected, byte[] found) {
    if (!MessageDigest.isEqual(expected, found)) {
      throw new IllegalStateException("interop failed: epoch_authenticator differs for " + what);
    }
  }
}
