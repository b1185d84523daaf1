package dev.sealmeet.mls.crypto;

import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.crypto.CipherSuite;
import dev.sealmeet.crypto.CipherSuites;
import dev.sealmeet.crypto.HpkeSealed;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.BadKeyException;
import dev.sealmeet.error.UnsupportedException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * An MLS cipher suite with the labeled functions of RFC 9420 §5 composed once on top of a
 * {@link CipherSuite}: ExpandWithLabel, DeriveSecret, DeriveTreeSecret (§5.1 and §9), SignWithLabel and
 * VerifyWithLabel (§5.1.2), EncryptWithLabel and DecryptWithLabel (§5.1.3) and RefHash (§5.2).
 *
 * <p>Every {@code label} argument is the bare label of the RFC (e.g. {@code "epoch"}); this class
 * prepends {@value #LABEL_PREFIX}. {@link #refHash} is the exception: RFC 9420 §5.2 hashes its label
 * as given, and {@link #makeKeyPackageRef} / {@link #makeProposalRef} pass the full labels.
 *
 * <p>Secret inputs and outputs are plain arrays owned by the caller, who should wipe them after use or
 * wrap them with {@link Secret#wrap}; the {@link Secret} overloads do that for the key schedule.
 * Immutable and thread-safe if the wrapped suite is.
 */
public final class MlsSuite {
  /** The prefix RFC 9420 §5.1 puts before every label of the labeled functions. */
  public static final String LABEL_PREFIX = "MLS 1.0 ";

  /** RefHash label of a KeyPackageRef (RFC 9420 §5.2). */
  public static final String KEY_PACKAGE_REF_LABEL = "MLS 1.0 KeyPackage Reference";

  /** RefHash label of a ProposalRef (RFC 9420 §5.2). */
  public static final String PROPOSAL_REF_LABEL = "MLS 1.0 Proposal Reference";

  private final CipherSuite suite;

  private MlsSuite(CipherSuite suite) {
    this.suite = suite;
  }

  /**
   * The MLS suite with IANA identifier {@code id}, from {@link CipherSuites#get}.
   *
   * @throws UnsupportedException if this build does not support the suite
   */
  public static MlsSuite of(int id, SecureRandom random) throws UnsupportedException {
    return new MlsSuite(CipherSuites.get(id, Objects.requireNonNull(random, "random")));
  }

  /**
   * The MLS suite at code point {@code id} of {@code suites} (code points are configuration for
   * suites IANA has not assigned, such as the post-quantum ones).
   *
   * @throws UnsupportedException if {@code suites} has no suite at {@code id}
   */
  public static MlsSuite of(int id, dev.sealmeet.crypto.SuiteRegistry suites, SecureRandom random)
      throws UnsupportedException {
    return new MlsSuite(Objects.requireNonNull(suites, "suites")
        .get(id, Objects.requireNonNull(random, "random")));
  }

  /** Wraps an already obtained suite (e.g. a test double). */
  public static MlsSuite wrap(CipherSuite suite) {
    return new MlsSuite(Objects.requireNonNull(suite, "suite"));
  }

  /** The underlying cipher suite, for the primitives that carry no MLS label (hash, MAC, AEAD). */
  public CipherSuite primitives() {
    return suite;
  }

  /** The IANA identifier of the suite. */
  public int id() {
    return suite.id();
  }

  /** {@code KDF.Nh}, the length of every key-schedule secret. */
  public int hashLength() {
    return suite.hashLength();
  }

  /**
   * ExpandWithLabel(secret, label, context, length) = KDF.Expand(secret, KDFLabel, length), where
   * KDFLabel = {uint16 length; opaque label&lt;V&gt; = "MLS 1.0 " + label; opaque context&lt;V&gt;}
   * (RFC 9420 §5.1).
   *
   * @throws IllegalArgumentException if {@code length} is not in 0..65535
   */
  public byte[] expandWithLabel(byte[] secret, String label, byte[] context, int length) {
    if (length < 0 || length > 0xffff) {
      throw new IllegalArgumentException("ExpandWithLabel length must fit a uint16: " + length);
    }
    byte[] fullLabel = prefixed(label);
    TlsWriter info = new TlsWriter(2 + 4 + fullLabel.length + 4 + context.length);
    info.writeUint16(length).writeOpaque(fullLabel).writeOpaque(context);
    return suite.kdfExpand(secret, info.toByteArray(), length);
  }

  /** {@link #expandWithLabel(byte[], String, byte[], int)} on a {@link Secret} holder. */
  public Secret expandWithLabel(Secret secret, String label, byte[] context, int length) {
    return withBytes(secret, s -> expandWithLabel(s, label, context, length));
  }

  /** DeriveSecret(secret, label) = ExpandWithLabel(secret, label, "", KDF.Nh) (RFC 9420 §5.1). */
  public byte[] deriveSecret(byte[] secret, String label) {
    return expandWithLabel(secret, label, new byte[0], suite.hashLength());
  }

  /** {@link #deriveSecret(byte[], String)} on a {@link Secret} holder. */
  public Secret deriveSecret(Secret secret, String label) {
    return withBytes(secret, s -> deriveSecret(s, label));
  }

  /**
   * DeriveTreeSecret(secret, label, generation, length) = ExpandWithLabel(secret, label, generation
   * as uint32, length) (RFC 9420 §9).
   *
   * @throws IllegalArgumentException if {@code generation} does not fit a uint32
   */
  public byte[] deriveTreeSecret(byte[] secret, String label, long generation, int length) {
    byte[] context = new TlsWriter(4).writeUint32(generation).toByteArray();
    return expandWithLabel(secret, label, context, length);
  }

  /** {@link #deriveTreeSecret(byte[], String, long, int)} on a {@link Secret} holder. */
  public Secret deriveTreeSecret(Secret secret, String label, long generation, int length) {
    return withBytes(secret, s -> deriveTreeSecret(s, label, generation, length));
  }

  /**
   * SignWithLabel(privateKey, label, content) = Signature.Sign(privateKey, SignContent), where
   * SignContent = {opaque label&lt;V&gt; = "MLS 1.0 " + label; opaque content&lt;V&gt;} (RFC 9420
   * §5.1.2).
   *
   * @throws BadKeyException if {@code privateKey} is not a valid key of the suite's scheme
   */
  public byte[] signWithLabel(byte[] privateKey, String label, byte[] content)
      throws BadKeyException {
    return suite.sign(privateKey, labeledContent(label, content));
  }

  /**
   * VerifyWithLabel(publicKey, label, content, signature) (RFC 9420 §5.1.2).
   *
   * <p>Returns a boolean rather than throwing so that every caller names the signature it checked in
   * its own {@link AuthenticationException}; see {@link #requireValidSignature} for that shortcut.
   * Malformed keys and signatures yield {@code false}.
   */
  public boolean verifyWithLabel(byte[] publicKey, String label, byte[] content, byte[] signature) {
    return suite.verify(publicKey, labeledContent(label, content), signature);
  }

  /**
   * {@link #verifyWithLabel} that throws instead of returning {@code false}.
   *
   * @param what names the signature in the exception message, e.g. {@code "LeafNode signature"}
   * @throws AuthenticationException if the signature does not verify
   */
  public void requireValidSignature(
      byte[] publicKey, String label, byte[] content, byte[] signature, String what)
      throws AuthenticationException {
    if (!verifyWithLabel(publicKey, label, content, signature)) {
      throw new AuthenticationException(what + " does not verify (label \"" + label + "\")");
    }
  }

  /**
   * EncryptWithLabel(publicKey, label, context, plaintext) = SealBase(publicKey, EncryptContext, "",
   * plaintext), where EncryptContext = {opaque label&lt;V&gt; = "MLS 1.0 " + label; opaque
   * context&lt;V&gt;} (RFC 9420 §5.1.3).
   *
   * @throws BadKeyException if {@code publicKey} is not a valid HPKE public key of the suite
   */
  public HpkeSealed encryptWithLabel(
      byte[] publicKey, String label, byte[] context, byte[] plaintext) throws BadKeyException {
    return suite.hpkeSeal(publicKey, labeledContent(label, context), new byte[0], plaintext);
  }

  /**
   * DecryptWithLabel(privateKey, label, context, kemOutput, ciphertext) = OpenBase(kemOutput,
   * privateKey, EncryptContext, "", ciphertext) (RFC 9420 §5.1.3).
   *
   * @throws BadKeyException if {@code kemOutput} or {@code privateKey} is invalid
   * @throws AuthenticationException if the ciphertext does not verify
   */
  public byte[] decryptWithLabel(
      byte[] privateKey, String label, byte[] context, byte[] kemOutput, byte[] ciphertext)
      throws BadKeyException, AuthenticationException {
    return suite.hpkeOpen(
        kemOutput, privateKey, labeledContent(label, context), new byte[0], ciphertext);
  }

  /**
   * RefHash(label, value) = Hash(RefHashInput), RefHashInput = {opaque label&lt;V&gt;; opaque
   * value&lt;V&gt;} (RFC 9420 §5.2). The label is hashed as given, without a prefix.
   */
  public byte[] refHash(String label, byte[] value) {
    byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
    TlsWriter input = new TlsWriter(8 + labelBytes.length + value.length);
    input.writeOpaque(labelBytes).writeOpaque(value);
    return suite.hash(input.toByteArray());
  }

  /** MakeKeyPackageRef(value) over an encoded KeyPackage (RFC 9420 §5.2). */
  public byte[] makeKeyPackageRef(byte[] encodedKeyPackage) {
    return refHash(KEY_PACKAGE_REF_LABEL, encodedKeyPackage);
  }

  /** MakeProposalRef(value) over an encoded AuthenticatedContent carrying a proposal (§5.2). */
  public byte[] makeProposalRef(byte[] encodedAuthenticatedContent) {
    return refHash(PROPOSAL_REF_LABEL, encodedAuthenticatedContent);
  }

  /** The suite id only: the class holds no secret. */
  @Override
  public String toString() {
    return String.format("MlsSuite[0x%04x]", suite.id());
  }

  private static byte[] prefixed(String label) {
    return (LABEL_PREFIX + Objects.requireNonNull(label, "label"))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** SignContent and EncryptContext share one shape: {label&lt;V&gt;, opaque&lt;V&gt;}. */
  private static byte[] labeledContent(String label, byte[] content) {
    byte[] fullLabel = prefixed(label);
    TlsWriter writer = new TlsWriter(8 + fullLabel.length + content.length);
    writer.writeOpaque(fullLabel).writeOpaque(content);
    return writer.toByteArray();
  }

  private interface Derivation {
    byte[] apply(byte[] secret);
  }

  private static Secret withBytes(Secret secret, Derivation derivation) {
    byte[] raw = secret.copyBytes();
    try {
      return Secret.wrap(derivation.apply(raw));
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }
}
