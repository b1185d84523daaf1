package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.tree.RatchetTree;
import java.util.List;
import java.util.Optional;

/** A Sealmeet client of an interop group: {@link MlsGroup} behind {@link InteropMember}. */
final class SealmeetMember implements InteropMember {
  private final Client client;
  private final GroupConfig config;
  private MlsGroup group;

  /**
   * A client with a fresh identity and KeyPackage.
   *
   * @param config the group behaviour; {@link GroupConfig#ratchetTreeInWelcome()} false sends the
   *     tree of this member's Welcomes out of band
   */
  SealmeetMember(MlsSuite suite, String name, GroupConfig config) {
    this.client = Client.of(suite, name, config);
    this.config = config;
  }

  @Override
  public String name() {
    return client.name();
  }

  @Override
  public String kind() {
    return "Sealmeet";
  }

  /** The group, for the checks of its own status. */
  MlsGroup group() {
    return group;
  }

  @Override
  public byte[] keyPackage() {
    return MlsMessage.of(client.keyPackage().keyPackage()).toBytes();
  }

  @Override
  public void create(byte[] groupId) throws SealmeetException {
    group = MlsGroup.create(client.keyPackage(), client.identity(), groupId, List.of(),
        new PskStore(), config);
  }

  @Override
  public void join(byte[] welcome, Optional<byte[]> ratchetTree) throws SealmeetException {
    Optional<RatchetTree> tree = Optional.empty();
    if (ratchetTree.isPresent()) {
      tree = Optional.of(RatchetTree.decode(ratchetTree.get()));
    }
    group = MlsGroup.join(MlsMessage.fromBytes(welcome), client.keyPackage(), client.identity(),
        tree, new PskStore(), config);
  }

  @Override
  public Committed commit(List<byte[]> keyPackages, List<Long> removedLeaves, boolean path)
      throws SealmeetException {
    CommitRequest request = CommitRequest.empty();
    for (byte[] bytes : keyPackages) {
      request = request.add((KeyPackage) MlsMessage.fromBytes(bytes).body());
    }
    for (long leaf : removedLeaves) {
      request = request.remove(leaf);
    }
    if (path) {
      request = request.forcePath();
    }
    CommitResult result = group.commit(request);
    group.mergePendingCommit();
    Optional<byte[]> tree = result.welcome().isPresent() && !config.ratchetTreeInWelcome()
        ? Optional.of(result.ratchetTree().encode())
        : Optional.empty();
    return new Committed(result.commit().toBytes(), result.welcome().map(MlsMessage::toBytes),
        tree);
  }

  @Override
  public byte[] proposeUpdate() {
    return group.proposeUpdate().toBytes();
  }

  @Override
  public void handle(byte[] handshake) throws SealmeetException {
    ProcessedMessage processed = group.process(MlsMessage.fromBytes(handshake));
    if (processed instanceof StagedCommit staged) {
      group.merge(staged);
    } else if (!(processed instanceof ReceivedProposal)) {
      throw new AssertionError("expected a proposal or commit, got " + processed);
    }
  }

  @Override
  public byte[] protect(byte[] data, byte[] authenticatedData) {
    return group.protect(data, authenticatedData).toBytes();
  }

  @Override
  public byte[][] unprotect(byte[] message) throws SealmeetException {
    ProcessedMessage processed = group.process(MlsMessage.fromBytes(message));
    if (!(processed instanceof ApplicationMessage application)) {
      throw new AssertionError("expected application data, got " + processed);
    }
    return new byte[][] {application.authenticatedData(), application.data()};
  }

  @Override
  public long epoch() {
    return group.epoch();
  }

  @Override
  public long leafIndex() {
    return group.ownLeafIndex();
  }

  @Override
  public byte[] epochAuthenticator() {
    return group.epochAuthenticator();
  }

  @Override
  public byte[] export(String label, byte[] context, int length) {
    return group.export(label, context, length);
  }

  @Override
  public String toString() {
    return "Sealmeet " + name();
  }
}
