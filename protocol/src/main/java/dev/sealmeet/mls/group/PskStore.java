package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.framing.PskLookup;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.protocol.internal.Hex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The external pre-shared keys a client holds (RFC 9420 §8.4), by PSK id, and resumption PSKs of
 * groups it left behind in a reinit or branch (§8.6). Thread-safe. Holds secrets: {@link #close()}
 * wipes them.
 */
public final class PskStore implements AutoCloseable {
  private final Map<String, Secret> external = new ConcurrentHashMap<>();
  private final Map<String, Secret> resumption = new ConcurrentHashMap<>();

  /** An empty store. */
  public PskStore() {}

  /** Stores (a copy of) the external PSK with id {@code pskId}, replacing any earlier one. */
  public void putExternal(byte[] pskId, byte[] psk) {
    replace(external, Hex.encode(pskId), Secret.copyOf(psk));
  }

  /** Stores a resumption PSK of epoch {@code epoch} of group {@code groupId} (a copy). */
  public void putResumption(byte[] groupId, long epoch, Secret psk) {
    replace(resumption, resumptionKey(groupId, epoch), psk.copy());
  }

  /**
   * The PSK {@code id} names, as a fresh copy the caller destroys.
   *
   * @throws GroupRuleException if the store does not have it
   */
  Secret find(PreSharedKeyId id) throws GroupRuleException {
    Secret found = id instanceof PreSharedKeyId.External e
        ? external.get(Hex.encode(e.pskId()))
        : resumption.get(resumptionKey(((PreSharedKeyId.Resumption) id).pskGroupId(),
            ((PreSharedKeyId.Resumption) id).pskEpoch()));
    if (found == null) {
      throw new GroupRuleException(GroupRule.UNKNOWN_PSK,
          "no PSK of type " + id.pskType() + " with this id is known");
    }
    return found.copy();
  }

  /** This store as a lookup, with {@code fallback} asked for the PSKs it lacks. */
  PskLookup lookup(PskLookup fallback) {
    return id -> {
      try {
        return find(id);
      } catch (GroupRuleException e) {
        return fallback.psk(id);
      }
    };
  }

  /** Wipes every PSK. */
  @Override
  public void close() {
    external.values().forEach(Secret::destroy);
    resumption.values().forEach(Secret::destroy);
    external.clear();
    resumption.clear();
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "PskStore[" + external.size() + " external, " + resumption.size() + " resumption]";
  }

  private static void replace(Map<String, Secret> map, String key, Secret value) {
    Secret old = map.put(key, value);
    if (old != null) {
      old.destroy();
    }
  }

  private static String resumptionKey(byte[] groupId, long epoch) {
    return Hex.encode(groupId) + "/" + Long.toUnsignedString(epoch);
  }

  /** Unused here; a lookup that always fails, for {@link #lookup}. */
  static PskLookup none() {
    return id -> {
      throw new ProtocolException("RFC 9420 §8.4", "unknown PSK");
    };
  }
}
