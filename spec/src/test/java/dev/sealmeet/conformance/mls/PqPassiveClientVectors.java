package dev.sealmeet.conformance.mls;

import static dev.sealmeet.conformance.mls.PqScheduleVectors.map;
import static dev.sealmeet.conformance.mls.PqVectorGenerator.hex;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.RawKeyPair;
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
import dev.sealmeet.mls.group.StagedCommit;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases of the passive-client files (test-vectors.md "Passive Client Scenarios") for one suite:
 * real Sealmeet groups whose suite and members all draw from the case's {@link SeededRandom} (keys,
 * HPKE, and ECDSA nonces too, which a suite draws from its injected randomness), driven through the public {@link MlsGroup} API. A
 * passive client is added by the group's first commit; it never sends. Each epoch records the
 * proposals and the commit the passive client must process and the epoch authenticator every
 * active member computed (they must agree, or generation fails).
 *
 * <p>The groups are Sealmeet groups, so their GroupContext carries Sealmeet's suite definition
 * extension and their KeyPackages list it (spec §1.1); commits carry an UpdatePath only where RFC
 * 9420 §12.4 requires one.
 */
final class PqPassiveClientVectors implements AutoCloseable {
  /** The clock of every member: KeyPackage lifetimes start an hour before it. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  /** KeyPackages stay valid for a century, so the files keep passing. */
  private static final Duration VALIDITY = Duration.ofDays(36_525);

  /** Epochs of a {@code passive-client-random.json} case. */
  static final int RANDOM_EPOCHS = 8;

  private final MlsSuite suite;
  private final SeededRandom r;
  private final GroupConfig config;
  private final byte[] pskId;
  private final byte[] psk;
  private final List<Member> members = new ArrayList<>();
  private final List<Object> epochs = new ArrayList<>();
  private final List<Object> proposals = new ArrayList<>();
  private final Map<String, Object> out;
  private int joined;

  /**
   * The group and the passive client's join: leaf 0 adds leaf 1 and the passive client in one
   * commit, which also injects the external PSK if {@code withPsk}; the PSK is in the case's
   * {@code external_psks} if {@code withPsk} or {@code listPsk}.
   */
  private PqPassiveClientVectors(int codePoint, SeededRandom r, boolean treeInWelcome,
      boolean withPsk, boolean listPsk) throws SealmeetException {
    this.suite = MlsSuite.of(codePoint, SuiteRegistry.draftPq(), r);
    this.r = r;
    this.config = GroupConfig.defaults().withSuites(SuiteRegistry.draftPq()).withRandom(r)
        .withClock(CLOCK).withAlwaysPath(false).withRatchetTreeInWelcome(treeInWelcome);
    this.pskId = r.bytes(8);
    this.psk = r.bytes(suite.hashLength());

    Member alice = newMember();
    alice.group = MlsGroup.create(alice.bundle, alice.identity, r.bytes(16), List.of(),
        alice.psks, config);
    members.add(alice);
    Member bob = newMember();
    RawKeyPair signing = suite.primitives().signatureGenerateKeyPair();
    try (SigningIdentity passive = SigningIdentity.of(suite, PqFramingVectors.credential("passive"),
            signing.privateKey());
        KeyPackageBundle bundle = KeyPackageBundle.create(suite, passive,
            PqFramingVectors.capabilities(suite), VALIDITY, false, List.of(), config)) {
      CommitRequest request = CommitRequest.empty().add(bob.bundle.keyPackage())
          .add(bundle.keyPackage());
      if (withPsk) {
        request = request.psk(externalPsk());
      }
      CommitResult result = alice.group.commit(request);
      alice.group.mergePendingCommit();
      join(bob, result);
      TlsReader keys = TlsReader.of(bundle.exportSecret());
      KeyPackage keyPackage = KeyPackage.decode(keys);
      byte[] initPriv = keys.readOpaque();
      byte[] encryptionPriv = keys.readOpaque();
      List<Object> psks = withPsk || listPsk
          ? List.of(map("psk_id", hex(pskId), "psk", hex(psk))) : List.of();
      out = map("cipher_suite", suite.id(), "external_psks", psks,
          "key_package", hex(MlsMessage.of(keyPackage).toBytes()),
          "signature_priv", hex(signing.privateKey()), "encryption_priv", hex(encryptionPriv),
          "init_priv", hex(initPriv), "welcome", hex(result.welcome().orElseThrow().toBytes()),
          "ratchet_tree", treeInWelcome ? null : hex(result.ratchetTree().encode()),
          "initial_epoch_authenticator", hex(agreedAuthenticator()), "epochs", epochs);
    }
  }

  /** A passive-client-welcome case: the join only, tree in the Welcome or out of band. */
  static Map<String, Object> welcome(int codePoint, SeededRandom r, boolean treeInWelcome,
      boolean withPsk) throws SealmeetException {
    try (PqPassiveClientVectors v =
        new PqPassiveClientVectors(codePoint, r, treeInWelcome, withPsk, withPsk)) {
      return v.out;
    }
  }

  /**
   * A passive-client-handling-commit case, five epochs: an Update committed by reference; an Add
   * by value without a path; a Remove and a PSK proposed by two members and committed by a third;
   * an empty commit (path only); an Add proposed and committed by reference.
   */
  static Map<String, Object> handlingCommit(int codePoint, SeededRandom r)
      throws SealmeetException {
    try (PqPassiveClientVectors v = new PqPassiveClientVectors(codePoint, r, true, false, true)) {
      Member alice = v.members.get(0);
      Member bob = v.members.get(1);
      v.propose(bob, bob.group.proposeUpdate());
      v.commit(alice, CommitRequest.empty());
      Member carol = v.newMember();
      v.commit(bob, CommitRequest.empty().add(carol.bundle.keyPackage()), carol);
      v.propose(carol, carol.group.proposeRemove(bob.group.ownLeafIndex()));
      v.propose(alice, alice.group.proposePsk(v.externalPsk()));
      v.commit(carol, CommitRequest.empty());
      v.commit(alice, CommitRequest.empty());
      Member dave = v.newMember();
      v.propose(alice, alice.group.proposeAdd(dave.bundle.keyPackage()));
      v.commit(carol, CommitRequest.empty(), dave);
      return v.out;
    }
  }

  /**
   * A passive-client-random case: {@value #RANDOM_EPOCHS} epochs, each an Add by value, a Remove,
   * an Update committed by another member or an empty commit, the kind and the members drawn from
   * the case's stream; the passive client is never removed.
   */
  static Map<String, Object> random(int codePoint, SeededRandom r) throws SealmeetException {
    try (PqPassiveClientVectors v =
        new PqPassiveClientVectors(codePoint, r, true, false, false)) {
      for (int epoch = 0; epoch < RANDOM_EPOCHS; epoch++) {
        Member committer = v.pick(null);
        int kind = v.r.nextInt(4);
        if (kind == 0 || v.members.size() == 1) {
          Member joiner = v.newMember();
          v.commit(committer, CommitRequest.empty().add(joiner.bundle.keyPackage()), joiner);
        } else if (kind == 1) {
          long victim = v.pick(committer).group.ownLeafIndex();
          v.commit(committer, CommitRequest.empty().remove(victim));
        } else if (kind == 2) {
          Member updater = v.pick(committer);
          v.propose(updater, updater.group.proposeUpdate());
          v.commit(committer, CommitRequest.empty());
        } else {
          v.commit(committer, CommitRequest.empty());
        }
      }
      return v.out;
    }
  }

  /** A member drawn from the stream, other than {@code not}. */
  private Member pick(Member not) {
    List<Member> candidates = new ArrayList<>(members);
    candidates.remove(not);
    return candidates.get(r.nextInt(candidates.size()));
  }

  private PreSharedKeyId externalPsk() {
    return new PreSharedKeyId.External(pskId, r.bytes(suite.hashLength()));
  }

  private Member newMember() {
    Member m = new Member();
    m.identity = SigningIdentity.generate(suite,
        PqFramingVectors.credential("member " + joined++));
    m.bundle = KeyPackageBundle.create(suite, m.identity, PqFramingVectors.capabilities(suite),
        VALIDITY, false, List.of(), config);
    m.psks = new PskStore();
    m.psks.putExternal(pskId, psk);
    return m;
  }

  /** Sends {@code proposal} from {@code sender}: every other active member stores it. */
  private void propose(Member sender, MlsMessage proposal) throws SealmeetException {
    for (Member m : members) {
      if (m != sender) {
        m.group.process(proposal);
      }
    }
    proposals.add(hex(proposal.toBytes()));
  }

  /** Commits {@code request} from {@code committer}; every member follows, {@code joiners} join. */
  private void commit(Member committer, CommitRequest request, Member... joiners)
      throws SealmeetException {
    CommitResult result = committer.group.commit(request);
    for (Member m : members) {
      if (m != committer) {
        m.group.merge((StagedCommit) m.group.process(result.commit()));
      }
    }
    committer.group.mergePendingCommit();
    for (Member m : new ArrayList<>(members)) {
      if (m.group.status() != MlsGroup.Status.ACTIVE) {
        members.remove(m);
        m.close();
      }
    }
    for (Member joiner : joiners) {
      join(joiner, result);
    }
    epochs.add(map("proposals", List.copyOf(proposals), "commit", hex(result.commit().toBytes()),
        "epoch_authenticator", hex(agreedAuthenticator())));
    proposals.clear();
  }

  private void join(Member joiner, CommitResult result) throws SealmeetException {
    joiner.group = MlsGroup.join(result.welcome().orElseThrow(), joiner.bundle, joiner.identity,
        config.ratchetTreeInWelcome() ? Optional.empty() : Optional.of(result.ratchetTree()),
        joiner.psks, config);
    members.add(joiner);
  }

  /** The epoch authenticator every active member computed. */
  private byte[] agreedAuthenticator() {
    byte[] first = members.get(0).group.epochAuthenticator();
    for (Member m : members) {
      if (!Arrays.equals(first, m.group.epochAuthenticator())) {
        throw new IllegalStateException("members disagree on epoch " + m.group.epoch());
      }
    }
    return first;
  }

  @Override
  public void close() {
    for (Member m : members) {
      m.close();
    }
  }

  /** One active member: its group, identity, KeyPackage and PSKs. */
  private static final class Member implements AutoCloseable {
    MlsGroup group;
    SigningIdentity identity;
    KeyPackageBundle bundle;
    PskStore psks;

    @Override
    public void close() {
      if (group != null) {
        group.close();
      }
      identity.close();
      bundle.close();
      psks.close();
    }
  }
}
