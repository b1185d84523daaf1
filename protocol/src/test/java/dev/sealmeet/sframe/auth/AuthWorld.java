package dev.sealmeet.sframe.auth;

import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.sframe.SframeHeader;
import dev.sealmeet.sframe.SframeReceiver;
import dev.sealmeet.sframe.SframeSender;
import dev.sealmeet.sframe.SframeSuite;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small SFrame world keyed by one shared {@code base_key} (as MLS keys a meeting, RFC 9605 §5.2),
 * with Ed25519 leaf keys of MLS suite 1: members at leaves 0.. send under {@code (leaf << 4) |
 * epoch}, one receiver (Bob's view) runs an {@link SframeReceiver} and a {@link TagVerifier}.
 */
final class AuthWorld {
  static final SframeSuite SUITE = SframeSuite.AES_128_GCM_SHA256_128;
  static final byte[] GROUP_ID = "auth-test-group".getBytes(StandardCharsets.US_ASCII);
  static final long TICK = 20_000_000L; // 20 ms
  /** A statement every 16 frames or 250 ms, deadline 1 s: small numbers the tests count with. */
  static final SenderAuthParams N16 =
      new SenderAuthParams(16, java.time.Duration.ofMillis(250), 2, java.time.Duration.ofSeconds(1),
          256);

  final MlsSuite mls;
  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final SenderAuthParams params;
  final List<RawKeyPair> leafKeys = new ArrayList<>();
  final Map<Long, Secret> baseKeys = new HashMap<>(); // epoch -> base_key
  final SframeReceiver receiver = new SframeReceiver(SUITE);
  final AtomicInteger verifications = new AtomicInteger();
  final Map<String, ForgeryReason> forged = new HashMap<>(); // "kid/ctr" -> reason
  final Map<String, Long> forgedAt = new HashMap<>();
  final Set<String> verified = new HashSet<>();
  final Set<String> unverified = new HashSet<>();
  final TagVerifier verifier;

  AuthWorld(int members, SenderAuthParams params) throws SealmeetException {
    this.mls = MlsSuite.of(1, new java.security.SecureRandom());
    this.params = params;
    for (int i = 0; i < members; i++) {
      leafKeys.add(mls.primitives().signatureGenerateKeyPair());
    }
    FrameAuthListener listener = new FrameAuthListener() {
      @Override
      public void forged(long kid, long ctr, ForgeryReason reason) {
        String key = key(kid, ctr);
        if (forged.putIfAbsent(key, reason) != null) {
          throw new AssertionError("reported twice: " + key);
        }
        forgedAt.put(key, clock.get());
      }

      @Override
      public void verified(long kid, long ctr) {
        verified.add(key(kid, ctr));
      }

      @Override
      public void unverified(long kid, long ctr) {
        if (!unverified.add(key(kid, ctr)) || forged.containsKey(key(kid, ctr))) {
          throw new AssertionError("settled twice: " + key(kid, ctr));
        }
      }
    };
    verifier = new TagVerifier(params, SUITE.tagLength(), GROUP_ID, this::verify, kid -> kid >>> 4,
        listener, clock::get);
  }

  static String key(long kid, long ctr) {
    return kid + "/" + ctr;
  }

  static long kid(long leaf, long epoch) {
    return (leaf << 4) | (epoch & 0xf);
  }

  /** Installs an epoch's base key at the receiver, for every member's KID. */
  void installEpoch(long epoch) {
    byte[] key = new byte[SUITE.keyLength()];
    new java.util.Random(epoch).nextBytes(key);
    Secret base = Secret.copyOf(key);
    baseKeys.put(epoch, base);
    for (int leaf = 0; leaf < leafKeys.size(); leaf++) {
      receiver.addKey(kid(leaf, epoch), base);
    }
  }

  private boolean verify(long kid, byte[] tbs, byte[] signature) {
    verifications.incrementAndGet();
    int leaf = (int) (kid >>> 4);
    if (leaf >= leafKeys.size()) {
      return false;
    }
    return mls.verifyWithLabel(leafKeys.get(leaf).publicKey(), TagSignatureFrame.LABEL, tbs,
        signature);
  }

  TagSigning signingOf(int leaf) {
    byte[] privateKey = leafKeys.get(leaf).privateKey();
    return tbs -> {
      try {
        return mls.signWithLabel(privateKey, TagSignatureFrame.LABEL, tbs);
      } catch (BadKeyException e) {
        throw new AssertionError(e);
      }
    };
  }

  /** An honest member: its own KID, a signer, one stream id per kind of media. */
  final class Member {
    final int leaf;
    final long epoch;
    final SframeSender sender = new SframeSender(SUITE);
    final TagSigner signer;

    Member(int leaf, long epoch) {
      this.leaf = leaf;
      this.epoch = epoch;
      sender.addKey(AuthWorld.kid(leaf, epoch), baseKeys.get(epoch));
      signer = new TagSigner(params, SUITE.tagLength(), GROUP_ID, signingOf(leaf), clock::get);
    }

    long kid() {
      return AuthWorld.kid(leaf, epoch);
    }

    /** Protects a media frame on {@code stream} and records it. */
    byte[] media(long stream, byte[] payload) throws SealmeetException {
      byte[] frame = sender.protect(kid(), null, payload);
      signer.record(stream, frame);
      return frame;
    }

    /** The signature frames due now, SFrame-protected under this member's KID. */
    List<byte[]> signatureFrames() {
      List<byte[]> out = new ArrayList<>();
      for (byte[] payload : signer.takeDue()) {
        out.add(sender.protect(kid(), TagSignatureFrame.METADATA, payload));
      }
      return out;
    }
  }

  /** Receives a media frame: SFrame first, then the verifier. */
  FrameAuthStatus receiveMedia(byte[] frame) throws SealmeetException {
    receiver.unprotect(null, frame);
    return verifier.onFrame(frame);
  }

  /** Receives a signature frame: SFrame with the signature metadata, then the verifier. */
  void receiveSignature(byte[] frame) throws SealmeetException {
    byte[] payload = receiver.unprotect(TagSignatureFrame.METADATA, frame);
    verifier.onSignatureFrame(SframeHeader.peekKid(ByteBuffer.wrap(frame)), payload);
  }

  static long ctrOf(byte[] frame) throws SealmeetException {
    return SframeHeader.peekCtr(ByteBuffer.wrap(frame));
  }

  static long kidOf(byte[] frame) throws SealmeetException {
    return SframeHeader.peekKid(ByteBuffer.wrap(frame));
  }

  void advance(long nanos) {
    clock.addAndGet(nanos);
  }
}
