package dev.sealmeet.interop;

import com.google.protobuf.ByteString;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.ResumptionPskUsage;
import dev.sealmeet.mls.tree.RatchetTree;
import io.grpc.Status;
import io.grpc.StatusException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mls_client.MlsClient.ProposalDescription;

/**
 * Translations between the harness's descriptions and MLS values: a {@code ProposalDescription} to
 * a {@link Proposal}, a member named by identity to its leaf, harness extensions to MLS ones, and
 * the typed bodies of {@code MLSMessage} bytes.
 */
final class Proposals {
  private Proposals() {}

  /**
   * The proposal {@code description} asks for, in the group {@code groupId} of {@code suite}.
   *
   * @param members the group's members by leaf, to resolve {@code removed_id}
   * @throws StatusException INVALID_ARGUMENT for an unknown proposal type or member
   */
  static Proposal of(ProposalDescription description, MlsSuite suite, byte[] groupId,
      Map<Long, Credential> members, SecureRandom random)
      throws DecodeException, StatusException {
    String type = description.getProposalType().toStringUtf8();
    switch (type) {
      case "add":
        return new AddProposal(keyPackage(description.getKeyPackage()));
      case "remove":
        return new RemoveProposal(leafOf(members, description.getRemovedId()));
      case "externalPSK":
        return new PreSharedKeyProposal(externalPsk(description.getPskId(), suite, random));
      case "resumptionPSK":
        return new PreSharedKeyProposal(
            resumptionPsk(groupId, description.getEpochId(), suite, random));
      case "groupContextExtensions":
        return new GroupContextExtensionsProposal(extensions(description.getExtensionsList()));
      case "reinit":
        return new ReInitProposal(description.getGroupId().toByteArray(), ProtocolVersion.MLS10,
            description.getCipherSuite(), extensions(description.getExtensionsList()));
      default:
        throw invalid("unknown proposal type \"" + type + "\"");
    }
  }

  /** An external PSK id with a fresh {@code KDF.Nh}-byte nonce (RFC 9420 §8.4). */
  static PreSharedKeyId externalPsk(ByteString pskId, MlsSuite suite, SecureRandom random) {
    return new PreSharedKeyId.External(pskId.toByteArray(), nonce(suite, random));
  }

  /** An application resumption PSK id of {@code epoch} of {@code groupId}, with a fresh nonce. */
  static PreSharedKeyId resumptionPsk(byte[] groupId, long epoch, MlsSuite suite,
      SecureRandom random) {
    return new PreSharedKeyId.Resumption(ResumptionPskUsage.APPLICATION, groupId, epoch,
        nonce(suite, random));
  }

  private static byte[] nonce(MlsSuite suite, SecureRandom random) {
    byte[] nonce = new byte[suite.hashLength()];
    random.nextBytes(nonce);
    return nonce;
  }

  /**
   * The leaf of the member whose basic credential names {@code identity}.
   *
   * @throws StatusException INVALID_ARGUMENT if no member has that identity
   */
  static long leafOf(Map<Long, Credential> members, ByteString identity) throws StatusException {
    byte[] wanted = identity.toByteArray();
    for (Map.Entry<Long, Credential> member : members.entrySet()) {
      if (member.getValue() instanceof BasicCredential basic
          && Arrays.equals(basic.identity(), wanted)) {
        return member.getKey();
      }
    }
    throw invalid("no member with identity \"" + identity.toStringUtf8() + "\"");
  }

  /** The members of {@code tree}: leaf index to credential. */
  static Map<Long, Credential> members(RatchetTree tree) {
    Map<Long, Credential> out = new LinkedHashMap<>();
    for (long leaf : tree.occupiedLeaves()) {
      out.put(leaf, tree.leaf(leaf).orElseThrow().credential());
    }
    return out;
  }

  /** The harness's extensions as MLS extensions. */
  static List<Extension> extensions(List<mls_client.MlsClient.Extension> in) {
    List<Extension> out = new ArrayList<>(in.size());
    for (mls_client.MlsClient.Extension e : in) {
      out.add(new Extension(e.getExtensionType(), e.getExtensionData().toByteArray()));
    }
    return out;
  }

  /**
   * The KeyPackage in {@code bytes}, an {@code MLSMessage}.
   *
   * @throws DecodeException if the bytes do not decode
   * @throws StatusException INVALID_ARGUMENT if they carry another kind of message
   */
  static KeyPackage keyPackage(ByteString bytes) throws DecodeException, StatusException {
    return body(bytes, KeyPackage.class, "KeyPackage");
  }

  /** The GroupInfo in {@code bytes}, an {@code MLSMessage}. */
  static GroupInfo groupInfo(ByteString bytes) throws DecodeException, StatusException {
    return body(bytes, GroupInfo.class, "GroupInfo");
  }

  /** The tree given out of band, if {@code bytes} is not empty. */
  static Optional<RatchetTree> tree(ByteString bytes) throws DecodeException, ProtocolException {
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(RatchetTree.decode(bytes.toByteArray()));
  }

  /** The tree given out of band, else the one in the GroupInfo's {@code ratchet_tree}. */
  static RatchetTree treeOf(GroupInfo info, ByteString outOfBand)
      throws DecodeException, ProtocolException, StatusException {
    Optional<RatchetTree> given = tree(outOfBand);
    if (given.isPresent()) {
      return given.get();
    }
    Optional<Extension> inside = Extensions.find(info.extensions(), Extensions.RATCHET_TREE);
    if (inside.isEmpty()) {
      throw invalid("the GroupInfo has no ratchet_tree and none was given");
    }
    return RatchetTree.decode(inside.get().extensionData());
  }

  private static <T> T body(ByteString bytes, Class<T> type, String name)
      throws DecodeException, StatusException {
    MlsMessage message = MlsMessage.fromBytes(bytes.toByteArray());
    if (!type.isInstance(message.body())) {
      throw invalid("expected a " + name + ", got " + message.wireFormat());
    }
    return type.cast(message.body());
  }

  /** An INVALID_ARGUMENT status with {@code message}. */
  static StatusException invalid(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asException();
  }
}
