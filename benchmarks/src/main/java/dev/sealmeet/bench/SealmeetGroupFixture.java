package dev.sealmeet.bench;

import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sealmeet clients and groups for the group benchmarks. A group of {@code n} members is built with
 * one commit from its creator (leaf 0) that adds everyone else; only the members a benchmark needs
 * join it, never all {@code n}.
 */
final class SealmeetGroupFixture {
  /**
   * Path-less commits where §12.4 allows them (adds), as in the commit that grows the group (cheap
   * setup at 10,000 members) and the measured {@code add}; see {@link #request}.
   */
  static final GroupConfig CONFIG = GroupConfig.defaults().withAlwaysPath(false);

  final MlsSuite suite;
  /** {@link #CONFIG}, resolving suites with the registry the fixture's suite came from. */
  final GroupConfig config;

  SealmeetGroupFixture() {
    try {
      suite = MlsSuite.of(GroupBenchmarkBase.SUITE, new SecureRandom());
    } catch (SealmeetException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    config = CONFIG;
  }

  /**
   * A fixture in the suite at {@code codePoint} of {@link SuiteRegistry#draftPq()}: RFC 9420's
   * suites at their IANA code points, draft-ietf-mls-pq-ciphersuites-06's TBDn at 0xF000 + n.
   */
  SealmeetGroupFixture(int codePoint) {
    config = CONFIG.withSuites(SuiteRegistry.draftPq());
    try {
      suite = MlsSuite.of(codePoint, config.suites(), new SecureRandom());
    } catch (SealmeetException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** A client: its signing identity and one KeyPackage with its private keys. */
  record Client(SigningIdentity identity, KeyPackageBundle keyPackage) {}

  /** A fresh identity and KeyPackage: the operation {@link KeyPackageBenchmark} measures. */
  Client newClient(String name) {
    SigningIdentity identity = SigningIdentity.generate(
        suite, new BasicCredential(name.getBytes(StandardCharsets.UTF_8)));
    return new Client(identity, newKeyPackage(identity));
  }

  /**
   * A fresh KeyPackage (two HPKE key pairs, a signed leaf, a signed KeyPackage) for an existing
   * identity: what {@link KeyPackageBenchmark} measures.
   */
  KeyPackageBundle newKeyPackage(SigningIdentity identity) {
    Capabilities capabilities = new Capabilities(List.of(ProtocolVersion.MLS10),
        List.of(suite.id()), List.of(), List.of(), List.of(1));
    return KeyPackageBundle.create(suite, identity, capabilities, Duration.ofDays(1), false,
        List.of(), config);
  }

  /** {@code creator}'s new group, grown to {@code size} members by one commit. */
  static final class Grown {
    final MlsGroup creator;
    final List<Client> added;
    final CommitResult commit;
    private final GroupConfig config;

    Grown(MlsGroup creator, List<Client> added, CommitResult commit, GroupConfig config) {
      this.creator = creator;
      this.added = added;
      this.commit = commit;
      this.config = config;
    }

    /** Joins added member {@code i} (leaf {@code i + 1}) from the growing commit's Welcome. */
    MlsGroup join(int i) throws SealmeetException {
      Client c = added.get(i);
      return MlsGroup.join(commit.welcome().orElseThrow(), c.keyPackage(), c.identity(),
          Optional.empty(), new PskStore(), config);
    }
  }

  /** A group of {@code size} members: created, one commit adding the rest, merged. */
  Grown grow(int size) throws SealmeetException {
    Client creator = newClient("member 0");
    byte[] groupId = new byte[32];
    new SecureRandom().nextBytes(groupId);
    MlsGroup group = MlsGroup.create(creator.keyPackage(), creator.identity(), groupId, List.of(),
        new PskStore(), config);
    if (size == 1) {
      return new Grown(group, List.of(), null, config);
    }
    CommitRequest request = CommitRequest.empty();
    Client[] added = new Client[size - 1];
    for (int i = 0; i < added.length; i++) {
      added[i] = newClient("member " + (i + 1));
      request = request.add(added[i].keyPackage().keyPackage());
    }
    CommitResult result = group.commit(request);
    group.mergePendingCommit();
    return new Grown(group, List.of(added), result, config);
  }

  /**
   * The commit request of one group benchmark operation: {@code add} is path-less (the least
   * §12.4 requires, as in the BouncyCastle figures), {@code remove} and {@code update}
   * carry a path. {@code count} goes into {@code authenticated_data}: a path-less Add repeated
   * from one state would otherwise derive the same joiner secret, so the same Welcome key and
   * nonce, which BouncyCastle's GCM rightly refuses the second time.
   */
  static CommitRequest request(String op, Client joiner, long removed, long count) {
    CommitRequest request;
    switch (op) {
      case "add": request = CommitRequest.empty().add(joiner.keyPackage().keyPackage()); break;
      case "remove": request = CommitRequest.empty().remove(removed); break;
      case "update": request = CommitRequest.empty().forcePath(); break;
      default: throw new IllegalArgumentException("unknown operation " + op);
    }
    return request.authenticatedData(counter(count));
  }

  /** {@code count} as 8 big-endian bytes. */
  static byte[] counter(long count) {
    return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(count).array();
  }

  /** Decodes a message as a receiver would, from its bytes. */
  static MlsMessage decode(byte[] wire) throws SealmeetException {
    return MlsMessage.fromBytes(wire);
  }
}
