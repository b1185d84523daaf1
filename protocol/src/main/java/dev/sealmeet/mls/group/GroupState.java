package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.EpochProtection;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.ReInitProposal;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.SecretState;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreePrivateKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The persisted form of a group (format 2; format 1 lacks the pending commit), in the TLS
 * presentation language:
 *
 * <pre>
 * uint16 format = 2; uint16 cipher_suite; uint8 status; optional&lt;ReInit&gt; reinit;
 * Epoch current (with path keys and epoch secrets);
 * uint8 past_count; Epoch past[past_count] (application receive state only);
 * uint32 n; { uint64 epoch; secret resumption_psk; }[n];
 * proposals of the current epoch, with this member's own Update keys;
 * optional&lt;Pending&gt; pending (this member's commit waiting for the delivery service).
 * Pending = Epoch next (full), opaque commit&lt;V&gt;, optional&lt;opaque welcome&lt;V&gt;&gt;,
 *           opaque ratchet_tree&lt;V&gt;, optional&lt;ReInit&gt; reinit
 * Epoch = GroupContext, opaque ratchet_tree&lt;V&gt;, opaque interim&lt;V&gt;,
 *         opaque confirmation_tag&lt;V&gt;, uint32 own_leaf, [path keys, epoch secrets,]
 *         membership key, sender data secret, secret tree
 * </pre>
 *
 * <p>Every secret of the group goes through {@link SecretState}, so the whole encoding is secret:
 * the application must store it encrypted. The signature private key is not in it; the
 * application passes its {@link SigningIdentity} back when it restores the group.
 */
final class GroupState {
  static final int FORMAT = 2;

  private GroupState() {}

  static byte[] write(MlsSuite suite, MlsGroup.Status status, ReInitProposal reInit,
      EpochState current, List<EpochState> past, TreeMap<Long, Secret> resumption,
      ProposalStore proposals, PendingCommit pending) {
    TlsWriter writer = new TlsWriter();
    writer.writeUint16(FORMAT);
    writer.writeUint16(suite.id());
    writer.writeUint8(status.ordinal());
    writer.writePresence(reInit != null);
    if (reInit != null) {
      reInit.encode(writer);
    }
    writeEpoch(writer, current, true);
    writer.writeUint8(past.size());
    for (EpochState e : past) {
      writeEpoch(writer, e, false);
    }
    writer.writeUint32(resumption.size());
    for (Map.Entry<Long, Secret> e : resumption.entrySet()) {
      writer.writeUint64(e.getKey());
      SecretState.write(writer, e.getValue());
    }
    proposals.writeState(writer);
    writer.writePresence(pending != null);
    if (pending != null) {
      writePending(writer, pending);
    }
    return writer.toByteArray();
  }

  private static void writePending(TlsWriter writer, PendingCommit pending) {
    writeEpoch(writer, pending.state(), true);
    writer.writeOpaque(pending.result().commit().toBytes());
    writer.writePresence(pending.result().welcome().isPresent());
    pending.result().welcome().ifPresent(w -> writer.writeOpaque(w.toBytes()));
    writer.writeOpaque(pending.result().ratchetTree().encode());
    writer.writePresence(pending.reInit().isPresent());
    pending.reInit().ifPresent(r -> r.encode(writer));
  }

  private static PendingCommit readPending(TlsReader reader, MlsSuite suite, GroupConfig config)
      throws SealmeetException {
    EpochState next = readEpoch(reader, suite, config, true);
    MlsMessage commit = MlsMessage.fromBytes(reader.readOpaque());
    Optional<MlsMessage> welcome = reader.readPresence()
        ? Optional.of(MlsMessage.fromBytes(reader.readOpaque())) : Optional.empty();
    RatchetTree tree = RatchetTree.decode(reader.readOpaque());
    Optional<ReInitProposal> reInit = reader.readPresence()
        ? Optional.of(ReInitProposal.decode(reader)) : Optional.empty();
    next.privateKeys.requireConsistentWith(suite, next.tree);
    return new PendingCommit(next, new CommitResult(commit, welcome, tree), reInit);
  }

  private static void writeEpoch(TlsWriter writer, EpochState epoch, boolean full) {
    epoch.context.encode(writer);
    writer.writeOpaque(epoch.tree.encode());
    writer.writeOpaque(epoch.interimTranscriptHash);
    writer.writeOpaque(epoch.confirmationTag);
    writer.writeUint32(epoch.ownLeaf);
    if (full) {
      epoch.privateKeys.writeState(writer);
      epoch.secrets.writeState(writer);
    }
    epoch.protection.writeState(writer);
  }

  /** The parts of a restored group, for {@link MlsGroup#fromBytes}. */
  record Restored(MlsSuite suite, MlsGroup.Status status, ReInitProposal reInit,
      EpochState current, List<EpochState> past, TreeMap<Long, Secret> resumption,
      ProposalStore proposals, PendingCommit pending) {}

  static Restored read(byte[] bytes, GroupConfig config) throws SealmeetException {
    TlsReader reader = TlsReader.of(bytes);
    int format = reader.readUint16();
    if (format != FORMAT && format != 1) {
      throw new DecodeException("persisted group state of format " + format + ", expected "
          + FORMAT);
    }
    MlsSuite suite = MlsSuite.of(reader.readUint16(), config.suites(), config.random());
    int statusOrdinal = reader.readUint8();
    if (statusOrdinal >= MlsGroup.Status.values().length) {
      throw new DecodeException("persisted group status " + statusOrdinal);
    }
    ReInitProposal reInit = reader.readPresence() ? ReInitProposal.decode(reader) : null;
    EpochState current = readEpoch(reader, suite, config, true);
    int pastCount = reader.readUint8();
    List<EpochState> past = new ArrayList<>();
    for (int i = 0; i < pastCount; i++) {
      past.add(readEpoch(reader, suite, config, false));
    }
    long resumptionCount = reader.readUint32();
    if (resumptionCount > MlsGroup.RESUMPTION_PSKS_KEPT) {
      throw new DecodeException("persisted state keeps " + resumptionCount + " resumption PSKs");
    }
    TreeMap<Long, Secret> resumption = new TreeMap<>();
    for (long i = 0; i < resumptionCount; i++) {
      long epoch = reader.readUint64();
      Secret psk = SecretState.read(reader);
      if (psk == null) {
        throw new DecodeException("persisted resumption PSK is missing");
      }
      resumption.put(epoch, psk);
    }
    ProposalStore proposals = new ProposalStore();
    proposals.readState(reader);
    PendingCommit pending = format > 1 && reader.readPresence()
        ? readPending(reader, suite, config) : null;
    reader.finish();
    current.privateKeys.requireConsistentWith(suite, current.tree);
    return new Restored(suite, MlsGroup.Status.values()[statusOrdinal], reInit, current, past,
        resumption, proposals, pending);
  }

  private static EpochState readEpoch(TlsReader reader, MlsSuite suite, GroupConfig config,
      boolean full) throws SealmeetException {
    GroupContext context = GroupContext.decode(reader);
    RatchetTree tree = RatchetTree.decode(reader.readOpaque());
    byte[] interim = reader.readOpaque();
    byte[] tag = reader.readOpaque();
    long ownLeaf = reader.readUint32();
    if (ownLeaf >= tree.leafCount() || tree.leaf(ownLeaf).isEmpty()) {
      throw new DecodeException("persisted own leaf " + ownLeaf + " is not a member of its tree");
    }
    TreePrivateKeys keys = full ? TreePrivateKeys.readState(reader) : null;
    EpochSecrets secrets = full ? EpochSecrets.readState(suite, reader) : null;
    EpochProtection protection = EpochProtection.readState(
        suite, context, config.ratchetWindow(), config.random(), reader);
    return new EpochState(suite, context, tree, interim, tag, ownLeaf, keys, secrets, protection);
  }
}
