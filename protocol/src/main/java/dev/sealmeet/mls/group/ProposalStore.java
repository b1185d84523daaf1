package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;
import java.util.ArrayList;
import java.util.HexFormat;
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

  private static String key(byte[] ref) {
    return HexFormat.of().formatHex(ref);
  }
}
