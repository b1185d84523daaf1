package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.protocol.internal.Hex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proposals received (or sent) in the current epoch, by ProposalRef (RFC 9420 §12.4), and the
 * leaf private keys of this member's own Update proposals. Cleared at every epoch change; bounded
 * by {@link #MAX_PROPOSALS}.
 */
final class ProposalStore {
  /** Most proposals kept per epoch; more are refused (a flood from a hostile member). */
  static final int MAX_PROPOSALS = 10_000;

  private final Map<String, ProposalEntry> byRef = new LinkedHashMap<>();
  private final Map<String, Secret> ownUpdateKeys = new LinkedHashMap<>();

  /** Adds {@code proposal} sent by {@code sender} under {@code ref}; false if the store is full. */
  boolean add(byte[] ref, Proposal proposal, Sender sender) {
    if (byRef.size() >= MAX_PROPOSALS) {
      return false;
    }
    byRef.put(key(ref), new ProposalEntry(proposal, sender, Optional.of(ref.clone())));
    return true;
  }

  /** Remembers the leaf private key of this member's own Update with reference {@code ref}. */
  void addOwnUpdateKey(byte[] ref, Secret leafPrivateKey) {
    Secret old = ownUpdateKeys.put(key(ref), leafPrivateKey);
    if (old != null) {
      old.destroy();
    }
  }

  Optional<ProposalEntry> get(byte[] ref) {
    return Optional.ofNullable(byRef.get(key(ref)));
  }

  Optional<Secret> ownUpdateKey(byte[] ref) {
    return Optional.ofNullable(ownUpdateKeys.get(key(ref)));
  }

  /** Every stored proposal, in arrival order. */
  List<ProposalEntry> all() {
    return new ArrayList<>(byRef.values());
  }

  int size() {
    return byRef.size();
  }

  /** Forgets every proposal and wipes the own update keys (epoch change, §9.2). */
  void clear() {
    byRef.clear();
    ownUpdateKeys.values().forEach(Secret::destroy);
    ownUpdateKeys.clear();
  }

  /** Takes over every proposal and key of {@code other} (a freshly restored store). */
  void restoreFrom(ProposalStore other) {
    byRef.putAll(other.byRef);
    ownUpdateKeys.putAll(other.ownUpdateKeys);
  }

  /** Writes every stored proposal and own update key, for persistence (the keys are secret). */
  void writeState(dev.sealmeet.codec.TlsWriter writer) {
    writer.writeUint32(byRef.size());
    for (Map.Entry<String, ProposalEntry> e : byRef.entrySet()) {
      ProposalEntry entry = e.getValue();
      writer.writeOpaque(entry.reference().orElseThrow());
      entry.sender().encode(writer);
      entry.proposal().encodeProposal(writer);
      dev.sealmeet.mls.schedule.SecretState.write(writer, ownUpdateKeys.get(e.getKey()));
    }
  }

  /** Reads what {@link #writeState} wrote into this (empty) store. */
  void readState(dev.sealmeet.codec.TlsReader reader) throws dev.sealmeet.error.DecodeException {
    long count = reader.readUint32();
    if (count > MAX_PROPOSALS) {
      throw new dev.sealmeet.error.DecodeException("persisted store of " + count + " proposals");
    }
    for (long i = 0; i < count; i++) {
      byte[] ref = reader.readOpaque();
      Sender sender = Sender.decode(reader);
      Proposal proposal = Proposal.decode(reader);
      Secret updateKey = dev.sealmeet.mls.schedule.SecretState.read(reader);
      add(ref, proposal, sender);
      if (updateKey != null) {
        addOwnUpdateKey(ref, updateKey);
      }
    }
  }

  private static String key(byte[] ref) {
    return Hex.encode(ref);
  }
}
