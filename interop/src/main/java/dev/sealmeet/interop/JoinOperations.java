package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.error.UnsupportedException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.ExternalJoinResult;
import dev.sealmeet.mls.group.ExternalProposals;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.tree.RatchetTree;
import io.grpc.StatusException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import mls_client.MlsClient.CreateExternalSignerRequest;
import mls_client.MlsClient.CreateExternalSignerResponse;
import mls_client.MlsClient.CreateGroupRequest;
import mls_client.MlsClient.CreateGroupResponse;
import mls_client.MlsClient.CreateKeyPackageRequest;
import mls_client.MlsClient.CreateKeyPackageResponse;
import mls_client.MlsClient.ExternalJoinRequest;
import mls_client.MlsClient.ExternalJoinResponse;
import mls_client.MlsClient.ExternalSignerProposalRequest;
import mls_client.MlsClient.JoinGroupRequest;
import mls_client.MlsClient.JoinGroupResponse;
import mls_client.MlsClient.NewMemberAddProposalRequest;
import mls_client.MlsClient.NewMemberAddProposalResponse;
import mls_client.MlsClient.ProposalResponse;
import mls_client.MlsClient.StorePSKRequest;

/**
 * The RPCs that make a client or a state: group creation, KeyPackages, joining by Welcome or
 * external commit, PSK storage, and the parties outside a group (new members asking to be added,
 * external signers). Built on {@code mls.group}'s public API only.
 *
 * <p>Private keys never leave the server: {@code init_priv}, {@code encryption_priv} and {@code
 * signature_priv} are answered empty (the runner only records them).
 */
final class JoinOperations {
  /** How long a KeyPackage made here stays valid. */
  static final Duration KEY_PACKAGE_VALIDITY = Duration.ofDays(1);

  private final ClientStates states;
  private final SecureRandom random;

  JoinOperations(ClientStates states, SecureRandom random) {
    this.states = states;
    this.random = random;
  }

  /**
   * The suites this server serves: RFC 9420's and the 11 post-quantum suites of
   * draft-ietf-mls-pq-ciphersuites-06 at Sealmeet's code points 0xF001–0xF00B.
   */
  static final SuiteRegistry SUITES = SuiteRegistry.draftPq();

  /**
   * The suite at {@code codePoint} of {@link #SUITES}.
   *
   * @throws UnsupportedException if the registry has none there
   */
  MlsSuite suite(int codePoint) throws UnsupportedException {
    return MlsSuite.of(codePoint, SUITES, random);
  }

  /** The server's randomness, for PSK nonces. */
  SecureRandom random() {
    return random;
  }

  /** The group behaviour every state of this server uses; see the README. */
  GroupConfig config(boolean encryptHandshake) {
    return GroupConfig.defaults().withAlwaysPath(false).withEncryptHandshake(encryptHandshake)
        .withRandom(random).withSuites(SUITES);
  }

  CreateGroupResponse createGroup(CreateGroupRequest request)
      throws SealmeetException, StatusException {
    MlsSuite suite = suite(request.getCipherSuite());
    GroupConfig config = config(request.getEncryptHandshake());
    SigningIdentity identity = identity(suite, request.getIdentity());
    PskStore psks = new PskStore();
    try (KeyPackageBundle own = keyPackage(suite, identity, config)) {
      MlsGroup group = MlsGroup.create(own, identity, request.getGroupId().toByteArray(),
          List.of(), psks, config);
      int id = states.register(new GroupState(group, identity, psks, config));
      return CreateGroupResponse.newBuilder().setStateId(id).build();
    }
  }

  CreateKeyPackageResponse createKeyPackage(CreateKeyPackageRequest request)
      throws SealmeetException, StatusException {
    MlsSuite suite = suite(request.getCipherSuite());
    SigningIdentity identity = identity(suite, request.getIdentity());
    KeyPackageBundle bundle = keyPackage(suite, identity, config(false));
    int id = states.register(new Transaction(suite, bundle, identity, new PskStore()));
    return CreateKeyPackageResponse.newBuilder().setTransactionId(id)
        .setKeyPackage(bytes(MlsMessage.of(bundle.keyPackage()))).build();
  }

  JoinGroupResponse joinGroup(JoinGroupRequest request)
      throws SealmeetException, StatusException {
    Transaction tx = states.transaction(request.getTransactionId());
    MlsMessage welcome = MlsMessage.fromBytes(request.getWelcome().toByteArray());
    Optional<RatchetTree> tree = Proposals.tree(request.getRatchetTree());
    GroupConfig config = config(request.getEncryptHandshake());
    MlsGroup group = MlsGroup.join(welcome, tx.bundle(), tx.identity(), tree, tx.psks(), config);
    int id = states.register(new GroupState(group, tx.identity(), tx.psks(), config));
    states.remove(request.getTransactionId(), tx);
    return JoinGroupResponse.newBuilder().setStateId(id)
        .setEpochAuthenticator(ByteString.copyFrom(group.epochAuthenticator())).build();
  }

  ExternalJoinResponse externalJoin(ExternalJoinRequest request)
      throws SealmeetException, StatusException {
    MlsMessage message = MlsMessage.fromBytes(request.getGroupInfo().toByteArray());
    GroupInfo info = Proposals.groupInfo(request.getGroupInfo());
    MlsSuite suite = suite(info.groupContext().cipherSuite());
    SigningIdentity identity = identity(suite, request.getIdentity());
    PskStore psks = new PskStore();
    List<PreSharedKeyId> pskIds = new ArrayList<>();
    for (mls_client.MlsClient.PreSharedKey psk : request.getPsksList()) {
      psks.putExternal(psk.getPskId().toByteArray(), psk.getPskSecret().toByteArray());
      pskIds.add(Proposals.externalPsk(psk.getPskId(), suite, random));
    }
    OptionalLong prior = OptionalLong.empty();
    if (request.getRemovePrior()) {
      prior = OptionalLong.of(Proposals.leafOf(
          Proposals.members(Proposals.treeOf(info, request.getRatchetTree())),
          request.getIdentity()));
    }
    GroupConfig config = config(request.getEncryptHandshake());
    ExternalJoinResult joined = MlsGroup.joinExternal(message,
        Proposals.tree(request.getRatchetTree()), identity, capabilities(suite), prior, pskIds,
        psks, config);
    int id = states.register(new GroupState(joined.group(), identity, psks, config));
    return ExternalJoinResponse.newBuilder().setStateId(id).setCommit(bytes(joined.commit()))
        .setEpochAuthenticator(ByteString.copyFrom(joined.group().epochAuthenticator())).build();
  }

  void storePsk(StorePSKRequest request) throws StatusException {
    Held held = states.any(request.getStateOrTransactionId());
    PskStore psks;
    if (held instanceof GroupState state) {
      psks = state.psks();
    } else if (held instanceof Transaction tx) {
      psks = tx.psks();
    } else {
      throw Proposals.invalid("id " + request.getStateOrTransactionId()
          + " is neither a group state nor a KeyPackage transaction");
    }
    psks.putExternal(request.getPskId().toByteArray(), request.getPskSecret().toByteArray());
  }

  NewMemberAddProposalResponse newMemberAddProposal(NewMemberAddProposalRequest request)
      throws SealmeetException, StatusException {
    GroupContext context = Proposals.groupInfo(request.getGroupInfo()).groupContext();
    MlsSuite suite = suite(context.cipherSuite());
    SigningIdentity identity = identity(suite, request.getIdentity());
    KeyPackageBundle bundle = keyPackage(suite, identity, config(false));
    MlsMessage proposal = ExternalProposals.joinRequest(suite, context.groupId(),
        context.epoch(), identity, bundle.keyPackage());
    int id = states.register(new Transaction(suite, bundle, identity, new PskStore()));
    return NewMemberAddProposalResponse.newBuilder().setTransactionId(id)
        .setProposal(bytes(proposal)).build();
  }

  CreateExternalSignerResponse createExternalSigner(CreateExternalSignerRequest request)
      throws SealmeetException, StatusException {
    MlsSuite suite = suite(request.getCipherSuite());
    SigningIdentity identity = identity(suite, request.getIdentity());
    int id = states.register(new Signer(suite, identity));
    TlsWriter writer = new TlsWriter();
    writer.writeOpaque(identity.signaturePublicKey());
    identity.credential().encode(writer);
    return CreateExternalSignerResponse.newBuilder().setSignerId(id)
        .setExternalSender(ByteString.copyFrom(writer.toByteArray())).build();
  }

  ProposalResponse externalSignerProposal(ExternalSignerProposalRequest request)
      throws SealmeetException, StatusException {
    Signer signer = states.signer(request.getSignerId());
    GroupInfo info = Proposals.groupInfo(request.getGroupInfo());
    GroupContext context = info.groupContext();
    if (context.cipherSuite() != signer.suite().id()) {
      throw Proposals.invalid("the signer's suite is " + signer.suite().id()
          + ", the group's " + context.cipherSuite());
    }
    long index = senderIndex(signer, ExternalSender.in(context.extensions()));
    Map<Long, Credential> members = Proposals.members(
        Proposals.treeOf(info, request.getRatchetTree()));
    Proposal proposal = ExternalProposals.withSuiteDefinition(Proposals.of(
        request.getDescription(), signer.suite(), context.groupId(), members, random),
        context.extensions(), config(false));
    MlsMessage message = ExternalProposals.fromExternalSender(signer.suite(), context.groupId(),
        context.epoch(), index, signer.identity(), proposal);
    return ProposalResponse.newBuilder().setProposal(bytes(message)).build();
  }

  /** The position of {@code signer}'s key in the group's {@code external_senders}. */
  private static long senderIndex(Signer signer, List<ExternalSender> senders)
      throws StatusException {
    byte[] key = signer.identity().signaturePublicKey();
    for (int i = 0; i < senders.size(); i++) {
      if (java.util.Arrays.equals(senders.get(i).signatureKey(), key)) {
        return i;
      }
    }
    throw Proposals.invalid("the group's external_senders do not list this signer");
  }

  /**
   * One {@code ExternalSender} struct (RFC 9420 §12.1.8.1), as {@code CreateExternalSigner}
   * returns it and {@code AddExternalSigner} takes it.
   */
  static ExternalSender decodeExternalSender(byte[] bytes) throws SealmeetException {
    return TlsReader.decodeExactly(bytes,
        reader -> new ExternalSender(reader.readOpaque(), Credential.decode(reader)));
  }

  static SigningIdentity identity(MlsSuite suite, ByteString name) {
    return SigningIdentity.generate(suite, new BasicCredential(name.toByteArray()));
  }

  /** A KeyPackage of {@code identity} in {@code suite}, valid for a day, with its private keys. */
  static KeyPackageBundle keyPackage(MlsSuite suite, SigningIdentity identity,
      GroupConfig config) {
    return KeyPackageBundle.create(suite, identity, capabilities(suite), KEY_PACKAGE_VALIDITY,
        false, List.of(), config);
  }

  /**
   * MLS 1.0, every suite of {@link #SUITES}, basic credentials; default extensions only (a
   * KeyPackage in a post-quantum suite adds the suite definition's, spec §1.1).
   */
  static Capabilities capabilities(MlsSuite suite) {
    return new Capabilities(List.of(ProtocolVersion.MLS10), SUITES.codePoints(), List.of(),
        List.of(), List.of(Credential.BASIC));
  }

  static ByteString bytes(MlsMessage message) {
    return ByteString.copyFrom(message.toBytes());
  }
}
