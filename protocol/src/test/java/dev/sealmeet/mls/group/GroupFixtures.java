package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Clients and groups for the group tests: one identity and KeyPackage per named client. */
final class GroupFixtures {
  static final SecureRandom RANDOM = new SecureRandom();

  private GroupFixtures() {}

  static MlsSuite suite(int id) {
    try {
      return MlsSuite.of(id, RANDOM);
    } catch (SealmeetException e) {
      throw new AssertionError(e);
    }
  }

  static Capabilities capabilities(MlsSuite suite) {
    return new Capabilities(List.of(ProtocolVersion.MLS10), List.of(suite.id()), List.of(),
        List.of(), List.of(1));
  }

  /** A client: its identity and one fresh KeyPackage. */
  record Client(String name, SigningIdentity identity, KeyPackageBundle keyPackage) {
    static Client of(MlsSuite suite, String name, GroupConfig config) {
      SigningIdentity identity = SigningIdentity.generate(
          suite, new BasicCredential(name.getBytes(StandardCharsets.UTF_8)));
      return new Client(name, identity, KeyPackageBundle.create(suite, identity,
          capabilities(suite), Duration.ofDays(1), false, List.of(), config));
    }

    /** Joins from {@code welcome} with this client's KeyPackage. */
    MlsGroup join(dev.sealmeet.mls.message.MlsMessage welcome, GroupConfig config)
        throws SealmeetException {
      return MlsGroup.join(welcome, keyPackage, identity, Optional.empty(), new PskStore(),
          config);
    }

    /** Joins from {@code welcome} with the tree given out of band as well. */
    MlsGroup join(dev.sealmeet.mls.message.MlsMessage welcome,
        dev.sealmeet.mls.tree.RatchetTree tree, GroupConfig config) throws SealmeetException {
      return MlsGroup.join(welcome, keyPackage, identity, Optional.of(tree), new PskStore(),
          config);
    }
  }

  /** Alice (leaf 0, the creator) and Bob (leaf 1), both in epoch 1. */
  record Pair(MlsGroup alice, MlsGroup bob) {}

  /** A fresh group of Alice and Bob under {@code config}. */
  static Pair pair(MlsSuite suite, GroupConfig config) throws SealmeetException {
    List<MlsGroup> members = members(suite, config, "alice", "bob");
    return new Pair(members.get(0), members.get(1));
  }

  /**
   * A fresh group under {@code config}: the first name creates it and adds the others in one
   * commit (epoch 1); the groups are in the order of {@code names}, leaf i for name i.
   */
  static List<MlsGroup> members(MlsSuite suite, GroupConfig config, String... names)
      throws SealmeetException {
    MlsGroup creator = create(Client.of(suite, names[0], config), config);
    CommitRequest request = CommitRequest.empty();
    List<Client> joiners = new java.util.ArrayList<>();
    for (int i = 1; i < names.length; i++) {
      Client joiner = Client.of(suite, names[i], config);
      joiners.add(joiner);
      request = request.add(joiner.keyPackage().keyPackage());
    }
    CommitResult added = creator.commit(request);
    creator.mergePendingCommit();
    List<MlsGroup> members = new java.util.ArrayList<>(List.of(creator));
    for (Client joiner : joiners) {
      members.add(joiner.join(added.welcome().orElseThrow(), config));
    }
    return members;
  }

  static MlsGroup create(Client creator, GroupConfig config) throws SealmeetException {
    byte[] groupId = new byte[32];
    RANDOM.nextBytes(groupId);
    return MlsGroup.create(creator.keyPackage(), creator.identity(), groupId, List.of(),
        new PskStore(), config);
  }

  /** Every group is at the same epoch with the same epoch authenticator and exporter output. */
  static void assertAgree(List<MlsGroup> groups) {
    byte[] authenticator = groups.get(0).epochAuthenticator();
    for (MlsGroup g : groups) {
      org.assertj.core.api.Assertions.assertThat(g.epoch()).isEqualTo(groups.get(0).epoch());
      org.assertj.core.api.Assertions.assertThat(g.epochAuthenticator()).isEqualTo(authenticator);
      org.assertj.core.api.Assertions.assertThat(g.export("test", new byte[0], 32))
          .isEqualTo(groups.get(0).export("test", new byte[0], 32));
    }
  }

  /** Each receiver processes {@code commit} (as bytes off the wire), stages it and merges it. */
  static void deliver(dev.sealmeet.mls.message.MlsMessage commit, List<MlsGroup> receivers)
      throws SealmeetException {
    for (MlsGroup g : receivers) {
      ProcessedMessage processed =
          g.process(dev.sealmeet.mls.message.MlsMessage.fromBytes(commit.toBytes()));
      org.assertj.core.api.Assertions.assertThat(processed).isInstanceOf(StagedCommit.class);
      g.merge((StagedCommit) processed);
    }
  }

  /**
   * Member 2 proposes an Update, members 0 and 1 receive it, member 0 commits it by reference and
   * everyone merges; all three then agree.
   */
  static void updateByReference(List<MlsGroup> groups) throws SealmeetException {
    dev.sealmeet.mls.message.MlsMessage update = groups.get(2).proposeUpdate();
    groups.get(0).process(dev.sealmeet.mls.message.MlsMessage.fromBytes(update.toBytes()));
    groups.get(1).process(dev.sealmeet.mls.message.MlsMessage.fromBytes(update.toBytes()));
    CommitResult byRef = groups.get(0).commit(CommitRequest.empty());
    groups.get(0).mergePendingCommit();
    deliver(byRef.commit(), List.of(groups.get(1), groups.get(2)));
    assertAgree(groups);
  }
}
