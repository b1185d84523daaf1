package dev.sealmeet.mls.group;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.ExternalInitProposal;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProposalOrRef;
import dev.sealmeet.mls.message.PublicMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The messages of one verdict-agreement scenario, chosen by the input: a commit of the malicious
 * member (the last leaf), made honestly and then mutated and signed again with its real key; a
 * proposal of that member followed by its commit by reference; an outsider's external commit
 * (joining, or claiming to resync some member out), mutated and signed with the outsider's key; or
 * a valid commit with one bit flipped on the wire.
 */
final class HostileMessages {
  private final Choices choices;
  private final List<MlsGroup> members;
  private final MlsGroup malicious;
  private final MlsSuite suite;
  private final GroupConfig config;

  HostileMessages(Choices choices, List<MlsGroup> members, GroupConfig config) {
    this.choices = choices;
    this.members = members;
    this.malicious = members.get(members.size() - 1);
    this.suite = malicious.suite();
    this.config = config;
  }

  /** The messages to deliver in order, each to every honest member. */
  List<MlsMessage> scenario() throws SealmeetException {
    switch (choices.pick(4)) {
      case 0:
        return List.of(memberCommit());
      case 1:
        return List.of(externalCommit());
      case 2:
        return flippedOnTheWire(memberCommit());
      default:
        MlsMessage proposal = memberProposal();
        return List.of(proposal, memberCommit());
    }
  }

  private MlsMessage memberProposal() throws SealmeetException {
    int leaves = members.size();
    switch (choices.pick(4)) {
      case 0:
        return malicious.proposeRemove(choices.pick(leaves - 1));
      case 1:
        return malicious.proposeUpdate();
      case 2:
        return malicious.proposeGroupContextExtensions(List.of());
      default:
        return malicious.proposeAdd(newClient("proposed").keyPackage().keyPackage());
    }
  }

  private MlsMessage memberCommit() throws SealmeetException {
    CommitRequest request = CommitRequest.empty();
    int others = members.size() - 1;
    switch (choices.pick(5)) {
      case 1:
        request = request.remove(choices.pick(others));
        break;
      case 2:
        request = request.add(newClient("added").keyPackage().keyPackage());
        break;
      case 3:
        request = request.remove(0).remove(1 + choices.pick(others - 1));
        break;
      case 4:
        request = request.groupContextExtensions(List.of());
        break;
      default:
        break;
    }
    CommitResult honest = malicious.commit(request);
    malicious.discardPendingCommit();
    Commit commit = new CommitMutator(choices, malicious.ratchetTree())
        .mutate(HostileCommits.commitOf(honest.commit()), members.size());
    return HostileCommits.signedBy(malicious, commit, tag(honest.commit()));
  }

  private MlsMessage externalCommit() throws SealmeetException {
    int leaves = members.size();
    int claimed = choices.pick(leaves);
    Credential credential = choices.chance(2)
        ? members.get(claimed).members().get((long) claimed)
        : new BasicCredential("outsider".getBytes(StandardCharsets.UTF_8));
    SigningIdentity outsider = SigningIdentity.generate(suite, credential);
    OptionalLong resync = switch (choices.pick(3)) {
      case 1 -> OptionalLong.of(claimed);
      case 2 -> OptionalLong.of(choices.pick(leaves));
      default -> OptionalLong.empty();
    };
    ExternalJoinResult joined = MlsGroup.joinExternal(members.get(0).groupInfo(true),
        Optional.empty(), outsider, GroupFixtures.capabilities(suite), resync, List.of(),
        new PskStore(), config.withCredentials(Lenient.INSTANCE));
    joined.group().close();
    Commit commit = HostileCommits.commitOf(joined.commit());
    if (choices.chance(4)) {
      commit = withExternalInit(commit, choices.bytes(40));
    }
    commit = new CommitMutator(choices, members.get(0).ratchetTree())
        .mutate(commit, members.size());
    byte[] key = outsider.privateKeyCopy();
    return HostileCommits.external(members.get(0).context(), commit, key,
        tag(joined.commit()), members.get(0));
  }

  private List<MlsMessage> flippedOnTheWire(MlsMessage valid) {
    byte[] bytes = valid.toBytes();
    int bit = choices.pick(bytes.length * 8);
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    try {
      return List.of(MlsMessage.fromBytes(bytes));
    } catch (DecodeException e) {
      return List.of();
    }
  }

  /** The honest confirmation tag of {@code commit}, zeros, or that tag with a bit flipped. */
  private byte[] tag(MlsMessage commit) {
    byte[] honest = ((PublicMessage) commit.body()).auth().confirmationTag().orElseThrow();
    return switch (choices.pick(4)) {
      case 1 -> new byte[honest.length];
      case 2 -> HostileCommits.flipped(honest);
      default -> honest;
    };
  }

  private static Commit withExternalInit(Commit commit, byte[] kemOutput) {
    List<ProposalOrRef> proposals = new ArrayList<>();
    for (ProposalOrRef item : commit.proposals()) {
      Proposal p = ((ProposalOrRef.ByValue) item).proposal();
      proposals.add(new ProposalOrRef.ByValue(
          p instanceof ExternalInitProposal ? new ExternalInitProposal(kemOutput) : p));
    }
    return new Commit(proposals, commit.path());
  }

  private GroupFixtures.Client newClient(String name) {
    return GroupFixtures.Client.of(suite, name, config);
  }

  /** The outsider's own client accepts anything, so that it can make what receivers must judge. */
  private enum Lenient implements CredentialValidator {
    INSTANCE;

    @Override
    public boolean accepts(Credential credential, byte[] signatureKey) {
      return true;
    }

    @Override
    public boolean acceptsReplacement(Credential current, Credential replacement, byte[] key) {
      return true;
    }
  }
}
