package dev.sealmeet.mls.group;

import dev.sealmeet.crypto.SuiteRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * How a group behaves where RFC 9420 leaves a choice. Immutable; start from {@link #defaults()} and
 * change one setting at a time with the {@code with…} methods.
 *
 * @param encryptHandshake send proposals and commits as PrivateMessage (§6.3) instead of
 *     PublicMessage (§6.2)
 * @param alwaysPath put an UpdatePath into every commit, also where §12.4 allows leaving it out
 *     (Add, PreSharedKey, ReInit only): more post-compromise security for more bytes
 * @param ratchetTreeInWelcome put the ratchet tree into the Welcome's GroupInfo (§12.4.3.3); if
 *     false, joiners need the tree out of band
 * @param pastEpochs how many epochs before the current one keep their application receive keys,
 *     so that late messages still decrypt (§14); their other secrets are erased at once
 * @param maxSkippedKeys most keys kept per sender for out-of-order messages within an epoch
 * @param maxForwardDistance furthest a received generation may lie ahead of the next expected one
 * @param paddingBlock PrivateMessage plaintexts are padded to a multiple of this (0: no padding)
 * @param credentials the application's authentication service
 * @param resyncAllowed accept external commits that remove the joiner's earlier leaf ("resync",
 *     §12.4.3.2), subject to {@link CredentialValidator#acceptsReplacement}; if false, every
 *     external commit with a Remove is refused, as §12.4.3.2 lets a group choose
 * @param clock the time KeyPackage lifetimes are checked against (§10.1)
 * @param random the randomness for keys, nonces and reuse guards
 * @param suites which cipher suite each code point means ({@link SuiteRegistry}); code points of
 *     a group, KeyPackage, Welcome or saved state outside it are refused as unsupported
 */
public record GroupConfig(
    boolean encryptHandshake,
    boolean alwaysPath,
    boolean ratchetTreeInWelcome,
    int pastEpochs,
    int maxSkippedKeys,
    int maxForwardDistance,
    int paddingBlock,
    CredentialValidator credentials,
    boolean resyncAllowed,
    Clock clock,
    SecureRandom random,
    SuiteRegistry suites) {

  /** Largest {@link #pastEpochs()}: every kept epoch holds a secret tree. */
  public static final int MAX_PAST_EPOCHS = 64;

  /** Checks ranges and nulls. */
  public GroupConfig {
    if (pastEpochs < 0 || pastEpochs > MAX_PAST_EPOCHS) {
      throw new IllegalArgumentException("pastEpochs must be in 0.." + MAX_PAST_EPOCHS);
    }
    if (maxSkippedKeys < 0 || maxSkippedKeys > 1 << 16) {
      throw new IllegalArgumentException("maxSkippedKeys must be in 0..65536");
    }
    if (maxForwardDistance < 1 || maxForwardDistance > 1 << 20) {
      throw new IllegalArgumentException("maxForwardDistance must be in 1..2^20");
    }
    if (paddingBlock < 0 || paddingBlock > 1 << 12) {
      throw new IllegalArgumentException("paddingBlock must be in 0..4096");
    }
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(suites, "suites");
  }

  /**
   * Handshakes as PublicMessage, a path in every commit, the tree in the Welcome, one past epoch,
   * 128 skipped keys within 1,024 generations, no padding, resync commits allowed, the system
   * clock, RFC 9420's cipher suites only ({@link SuiteRegistry#rfc9420()}), and a validator that
   * accepts every credential (and a replacement only if it is the
   * same credential). A real application replaces the validator with {@link
   * #withCredentials}.
   */
  public static GroupConfig defaults() {
    return new GroupConfig(false, true, true, 1, 128, 1024, 0, CredentialValidator.acceptAll(),
        true, Clock.systemUTC(), new SecureRandom(), SuiteRegistry.rfc9420());
  }

  /** This config with {@link #encryptHandshake()} set. */
  public GroupConfig withEncryptHandshake(boolean value) {
    return new GroupConfig(value, alwaysPath, ratchetTreeInWelcome, pastEpochs, maxSkippedKeys,
        maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock, random, suites);
  }

  /** This config with {@link #alwaysPath()} set. */
  public GroupConfig withAlwaysPath(boolean value) {
    return new GroupConfig(encryptHandshake, value, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock,
        random, suites);
  }

  /** This config with {@link #ratchetTreeInWelcome()} set. */
  public GroupConfig withRatchetTreeInWelcome(boolean value) {
    return new GroupConfig(encryptHandshake, alwaysPath, value, pastEpochs, maxSkippedKeys,
        maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock, random, suites);
  }

  /** This config with {@link #pastEpochs()} set. */
  public GroupConfig withPastEpochs(int value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, value,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock,
        random, suites);
  }

  /** This config with the out-of-order window set: skipped keys kept, and how far ahead. */
  public GroupConfig withOutOfOrderWindow(int skippedKeys, int forwardDistance) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        skippedKeys, forwardDistance, paddingBlock, credentials, resyncAllowed, clock,
        random, suites);
  }

  /** This config with {@link #paddingBlock()} set. */
  public GroupConfig withPaddingBlock(int value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, value, credentials, resyncAllowed, clock,
        random, suites);
  }

  /** This config with the application's credential validator. */
  public GroupConfig withCredentials(CredentialValidator value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, value, resyncAllowed, clock,
        random, suites);
  }

  /** This config with {@link #resyncAllowed()} set. */
  public GroupConfig withResyncAllowed(boolean value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, value, clock,
        random, suites);
  }

  /** This config with another clock (tests of KeyPackage lifetimes). */
  public GroupConfig withClock(Clock value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, resyncAllowed, value,
        random, suites);
  }

  /** This config with another source of randomness. */
  public GroupConfig withRandom(SecureRandom value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock,
        value, suites);
  }

  /**
   * This config with another suite registry, e.g. {@link SuiteRegistry#draftPq()} for the
   * post-quantum suites. Every member of a group must use the same code points for its suite.
   */
  public GroupConfig withSuites(SuiteRegistry value) {
    return new GroupConfig(encryptHandshake, alwaysPath, ratchetTreeInWelcome, pastEpochs,
        maxSkippedKeys, maxForwardDistance, paddingBlock, credentials, resyncAllowed, clock,
        random, value);
  }

  /** The out-of-order window of every ratchet of the group's epochs. */
  public dev.sealmeet.mls.schedule.RatchetWindow ratchetWindow() {
    return new dev.sealmeet.mls.schedule.RatchetWindow(maxSkippedKeys, maxForwardDistance);
  }

  /** Padding bytes for a plaintext of {@code length} bytes. */
  int paddingFor(int length) {
    return paddingBlock == 0 ? 0 : (paddingBlock - length % paddingBlock) % paddingBlock;
  }
}
