package dev.sealmeet.cli;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeKeyMaterial;
import dev.sealmeet.sframe.SframeKeySchedule;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every key the parties of {@code demo --network} held that the server must never see: the media
 * base key of each epoch (the MLS exporter secret {@code "SFrame 1.0 Base Key"}, RFC 9605 §5.2,
 * as each member's key audit reported it), the SFrame key and salt of every KID that sent a frame
 * (RFC 9605 §4.4.2, derived from those), every party's signature private key, and every other
 * secret its processes held ({@link HeldSecrets}: epoch secrets, ratchets, HPKE private keys).
 */
final class StoreKeys {
  private final List<byte[]> baseKeys = new ArrayList<>();
  private final List<byte[]> frameKeys = new ArrayList<>();
  private final List<byte[]> signatureKeys = new ArrayList<>();
  private final List<byte[]> heldSecrets = new ArrayList<>();

  private StoreKeys() {}

  /**
   * The keys of {@code demo}'s parties.
   *
   * @param identities each party's exported identity ({@code SigningIdentity.exportSecret})
   * @param secrets every secret the parties' processes held (some are the keys above)
   */
  static StoreKeys of(MeetingDemo demo, List<byte[]> identities, List<byte[]> secrets,
      int suiteId) throws DecodeException {
    StoreKeys keys = new StoreKeys();
    Set<String> seen = new HashSet<>();
    Map<Long, byte[]> byEpoch = new HashMap<>();
    demo.record.keysHeld.values().forEach(held -> held.forEach(k -> {
      if (seen.add(HexFormat.of().formatHex(k.getValue()))) {
        keys.baseKeys.add(k.getValue());
      }
      byEpoch.put(k.getKey(), k.getValue());
    }));
    Set<String> kids = new HashSet<>();
    for (MediaRelay.Frame f : demo.recorded()) {
      long kid = SframeHeader.decode(ByteBuffer.wrap(f.sframe())).kid();
      byte[] base = byEpoch.get(f.epoch());
      if (base == null || !kids.add(f.epoch() + "/" + kid)) {
        continue;
      }
      SframeKeyMaterial m = SframeKeySchedule.derive(SframeSuite.AES_128_GCM_SHA256_128, kid,
          Secret.copyOf(base));
      keys.frameKeys.add(m.key().copyBytes());
      keys.frameKeys.add(m.salt().copyBytes());
    }
    for (byte[] exported : identities) {
      keys.signatureKeys.add(privateKeyOf(exported, suiteId));
    }
    keys.frameKeys.forEach(k -> seen.add(HexFormat.of().formatHex(k)));
    keys.signatureKeys.forEach(k -> seen.add(HexFormat.of().formatHex(k)));
    for (byte[] secret : secrets) {
      if (seen.add(HexFormat.of().formatHex(secret))) {
        keys.heldSecrets.add(secret);
      }
    }
    return keys;
  }

  /** The private key of an exported identity (IdentityExport: version, suite, credential...). */
  private static byte[] privateKeyOf(byte[] exported, int suiteId) throws DecodeException {
    TlsReader r = TlsReader.of(exported);
    r.readUint16(); // version
    if (r.readUint16() != suiteId || r.readUint16() != 1) {
      throw new DecodeException("not a Basic identity of suite " + suiteId);
    }
    r.readOpaque(); // identity
    r.readOpaque(); // public key
    return r.readOpaque();
  }

  List<byte[]> all() {
    List<byte[]> all = new ArrayList<>(baseKeys);
    all.addAll(frameKeys);
    all.addAll(signatureKeys);
    all.addAll(heldSecrets);
    return all;
  }

  String describe() {
    return baseKeys.size() + " media base keys, " + frameKeys.size() + " SFrame keys and "
        + "salts, " + signatureKeys.size() + " signature private keys, " + heldSecrets.size()
        + " other secrets the parties held (epoch secrets, ratchets, HPKE private keys)";
  }
}
