package dev.sealmeet.crypto;

import dev.sealmeet.error.UnsupportedException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which MLS cipher suite each code point means: configuration, not constants. IANA has assigned RFC
 * 9420's suites 0x0001–0x0007 (§17.1) but none of draft-ietf-mls-pq-ciphersuites' (TBD1–TBD11), so
 * every deployment picks its own code points for those; a registry is one such choice, passed to
 * whoever resolves a suite id (no global lookup). Immutable.
 *
 * <p>Presets: {@link #rfc9420()} (the IANA suites only, what {@link CipherSuites} offers) and {@link
 * #draftPq()}, which adds the 11 suites of draft-ietf-mls-pq-ciphersuites-06 at Sealmeet's default
 * code points {@code 0xF000 + n} for TBDn ({@link #DRAFT_PQ_BASE}): RFC 9420 §17.1 keeps 0xF000–0xFFFF
 * for private use, so these can never collide with a future IANA assignment. Other stacks' choices
 * are the presets {@link #openMls09()} and {@link #tsMls164()}.
 *
 * <pre>
 * code    name                                                 KEM     KDF     AEAD    signature
 * 0xF001  MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519      0x647a  0x0001  0x0001  0x0807
 * 0xF002  MLS_128_MLKEM768X25519_AES256GCM_SHA384_Ed25519      0x647a  0x0002  0x0002  0x0807
 * 0xF003  MLS_128_MLKEM768P256_AES128GCM_SHA256_P256           0x0050  0x0001  0x0001  0x0403
 * 0xF004  MLS_128_MLKEM768P256_AES256GCM_SHA384_P256           0x0050  0x0002  0x0002  0x0403
 * 0xF005  MLS_192_MLKEM1024P384_AES256GCM_SHA384_P384          0x0051  0x0002  0x0002  0x0503
 * 0xF006  MLS_128_MLKEM768_AES256GCM_SHA384_Ed25519            0x0041  0x0002  0x0002  0x0807
 * 0xF007  MLS_128_MLKEM768_AES256GCM_SHA384_P256               0x0041  0x0002  0x0002  0x0403
 * 0xF008  MLS_192_MLKEM1024_AES256GCM_SHA384_P384              0x0042  0x0002  0x0002  0x0503
 * 0xF009  MLS_128_MLKEM768X25519_CHACHA20POLY1305_SHA384_MLDSA44 0x647a 0x0002  0x0003  0x0904
 * 0xF00A  MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65            0x0041  0x0002  0x0002  0x0905
 * 0xF00B  MLS_256_MLKEM1024_AES256GCM_SHA384_MLDSA87           0x0042  0x0002  0x0002  0x0906
 * </pre>
 */
public final class SuiteRegistry {
  /** TBDn of draft-ietf-mls-pq-ciphersuites sits at {@code DRAFT_PQ_BASE + n} in {@link #draftPq()}. */
  public static final int DRAFT_PQ_BASE = 0xF000;

  private static final SuiteRegistry RFC_9420 = new SuiteRegistry(new TreeMap<>())
      .with(0x0001, new SuiteDefinition(
          "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519", 0x0020, Hkdf.SHA256, 0x0001, 0x0807))
      .with(0x0002, new SuiteDefinition(
          "MLS_128_DHKEMP256_AES128GCM_SHA256_P256", 0x0010, Hkdf.SHA256, 0x0001, 0x0403))
      .with(0x0003, new SuiteDefinition(
          "MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519", 0x0020, Hkdf.SHA256, 0x0003,
          0x0807))
      .with(0x0004, new SuiteDefinition(
          "MLS_256_DHKEMX448_AES256GCM_SHA512_Ed448", 0x0021, Hkdf.SHA512, 0x0002, 0x0808))
      .with(0x0005, new SuiteDefinition(
          "MLS_256_DHKEMP521_AES256GCM_SHA512_P521", 0x0012, Hkdf.SHA512, 0x0002, 0x0603))
      .with(0x0006, new SuiteDefinition(
          "MLS_256_DHKEMX448_CHACHA20POLY1305_SHA512_Ed448", 0x0021, Hkdf.SHA512, 0x0003, 0x0808))
      .with(0x0007, new SuiteDefinition(
          "MLS_256_DHKEMP384_AES256GCM_SHA384_P384", 0x0011, Hkdf.SHA384, 0x0002, 0x0503));

  /** The 11 suites of draft-ietf-mls-pq-ciphersuites-06, TBD1 first. */
  private static final List<SuiteDefinition> DRAFT_PQ_06 = List.of(
      new SuiteDefinition(
          "MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519", 0x647a, Hkdf.SHA256, 0x0001, 0x0807),
      new SuiteDefinition(
          "MLS_128_MLKEM768X25519_AES256GCM_SHA384_Ed25519", 0x647a, Hkdf.SHA384, 0x0002, 0x0807),
      new SuiteDefinition(
          "MLS_128_MLKEM768P256_AES128GCM_SHA256_P256", 0x0050, Hkdf.SHA256, 0x0001, 0x0403),
      new SuiteDefinition(
          "MLS_128_MLKEM768P256_AES256GCM_SHA384_P256", 0x0050, Hkdf.SHA384, 0x0002, 0x0403),
      new SuiteDefinition(
          "MLS_192_MLKEM1024P384_AES256GCM_SHA384_P384", 0x0051, Hkdf.SHA384, 0x0002, 0x0503),
      new SuiteDefinition(
          "MLS_128_MLKEM768_AES256GCM_SHA384_Ed25519", 0x0041, Hkdf.SHA384, 0x0002, 0x0807),
      new SuiteDefinition(
          "MLS_128_MLKEM768_AES256GCM_SHA384_P256", 0x0041, Hkdf.SHA384, 0x0002, 0x0403),
      new SuiteDefinition(
          "MLS_192_MLKEM1024_AES256GCM_SHA384_P384", 0x0042, Hkdf.SHA384, 0x0002, 0x0503),
      new SuiteDefinition("MLS_128_MLKEM768X25519_CHACHA20POLY1305_SHA384_MLDSA44", 0x647a,
          Hkdf.SHA384, 0x0003, 0x0904),
      new SuiteDefinition(
          "MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65", 0x0041, Hkdf.SHA384, 0x0002, 0x0905),
      new SuiteDefinition(
          "MLS_256_MLKEM1024_AES256GCM_SHA384_MLDSA87", 0x0042, Hkdf.SHA384, 0x0002, 0x0906));

  private static final SuiteRegistry DRAFT_PQ = withDraftPq(RFC_9420);
  private static final SuiteRegistry OPEN_MLS_09 = PeerSuitePresets.openMls09();
  private static final SuiteRegistry TS_MLS_16 = PeerSuitePresets.tsMls16();

  private final TreeMap<Integer, SuiteDefinition> suites;

  private SuiteRegistry(TreeMap<Integer, SuiteDefinition> suites) {
    this.suites = suites;
  }

  /** RFC 9420's suites 0x0001–0x0007 at their IANA code points. */
  public static SuiteRegistry rfc9420() {
    return RFC_9420;
  }

  /** RFC 9420's suites and draft-ietf-mls-pq-ciphersuites-06's TBDn at {@code 0xF000 + n}. */
  public static SuiteRegistry draftPq() {
    return DRAFT_PQ;
  }

  /**
   * RFC 9420's suites and the post-quantum suites of OpenMLS 0.9 at OpenMLS's code points, so that
   * Sealmeet can join groups OpenMLS creates in them (read from OpenMLS's {@code
   * traits/src/types.rs} at tag {@code openmls-v0.9.0-rc.3}):
   *
   * <pre>
   * code    name                                          KEM     KDF     AEAD    signature
   * 0x0042  MLS_192_MLKEM1024_AES256GCM_SHA384_P384       0x0042  0x0002  0x0002  0x0503  (TBD8)
   * 0x0050  MLS_128_MLKEM768_AES256GCM_SHA384_P256        0x0041  0x0002  0x0002  0x0403  (TBD7)
   * 0x0051  MLS_192_MLKEM768_AES256GCM_SHA384_MLDSA65     0x0041  0x0002  0x0002  0x0905  (TBD10)
   * 0x0906  MLS_256_MLKEM1024_AES256GCM_SHA512_MLDSA87    0x0042  0x0003  0x0002  0x0906
   * 0x0907  MLS_256_MLKEM1024_AES256GCM_SHA384_MLDSA87    0x0042  0x0002  0x0002  0x0906  (TBD11)
   * 0xF042  MLS_128_MLKEM768_AES256GCM_SHA384_Ed25519     0x0041  0x0002  0x0002  0x0807  (TBD6)
   * </pre>
   *
   * <p>Left out: OpenMLS's four X-Wing suites (0x004D {@code
   * MLS_256_XWING_CHACHA20POLY1305_SHA256_Ed25519}, 0x004E TBD2, 0x004F TBD1, 0x0052 TBD9), because
   * OpenMLS runs X-Wing as HPKE KEM 0x004D ({@code XWingKemDraft6}), not 0x647a: the KEM id enters
   * HPKE's key schedule and our DeriveKeyPair labels, and without a test vector of OpenMLS's KEM
   * 0x004D we cannot show that ours would derive the same keys. OpenMLS itself has no TBD3–TBD5.
   */
  public static SuiteRegistry openMls09() {
    return OPEN_MLS_09;
  }

  /**
   * RFC 9420's suites and ts-mls's own post-quantum suites at its code points 81–88, so that
   * Sealmeet can join groups ts-mls creates in them (read from ts-mls's {@code
   * src/crypto/ciphersuite.ts} at tag {@code v1.6.2} and branch {@code 1.x}; the repository we read
   * holds no 1.6.4 tag, and that file is the same on both). ts-mls's MLS KDF is the HPKE KDF of the
   * suite, HKDF-SHA512 in all of them:
   *
   * <pre>
   * code  name                                                KEM     KDF     AEAD    signature
   * 81    MLS_256_MLKEM1024_AES256GCM_SHA512_Ed25519          0x0042  0x0003  0x0002  0x0807
   * 82    MLS_256_MLKEM1024_CHACHA20POLY1305_SHA512_Ed25519   0x0042  0x0003  0x0003  0x0807
   * 83    MLS_256_XWING_AES256GCM_SHA512_Ed25519              0x647a  0x0003  0x0002  0x0807
   * 84    MLS_256_XWING_CHACHA20POLY1305_SHA512_Ed25519       0x647a  0x0003  0x0003  0x0807
   * 85    MLS_256_MLKEM1024_AES256GCM_SHA512_MLDSA87          0x0042  0x0003  0x0002  0x0906
   * 86    MLS_256_MLKEM1024_CHACHA20POLY1305_SHA512_MLDSA87   0x0042  0x0003  0x0003  0x0906
   * 87    MLS_256_XWING_AES256GCM_SHA512_MLDSA87              0x647a  0x0003  0x0002  0x0906
   * 88    MLS_256_XWING_CHACHA20POLY1305_SHA512_MLDSA87       0x647a  0x0003  0x0003  0x0906
   * </pre>
   *
   * <p>Left out: 77–80 ({@code MLS_128_MLKEM512_…_SHA256_Ed25519}, {@code
   * MLS_256_MLKEM768_…_SHA384_Ed25519}), which hash with SHA-256 or SHA-384 but derive with
   * HKDF-SHA512 (and 77, named AES128GCM, encrypts with AES-256-GCM): a {@link SuiteDefinition} has
   * one hash for the KDF and for MLS's hashes, as RFC 9420 §5.1 has, so it cannot state them.
   */
  public static SuiteRegistry tsMls164() {
    return TS_MLS_16;
  }

  /** The 11 suite definitions of draft-ietf-mls-pq-ciphersuites-06, TBD1 first. */
  public static List<SuiteDefinition> draftPqDefinitions() {
    return DRAFT_PQ_06;
  }

  private static SuiteRegistry withDraftPq(SuiteRegistry base) {
    SuiteRegistry out = base;
    for (int n = 1; n <= DRAFT_PQ_06.size(); n++) {
      out = out.with(DRAFT_PQ_BASE + n, DRAFT_PQ_06.get(n - 1));
    }
    return out;
  }

  /**
   * This registry with {@code definition} at {@code codePoint}.
   *
   * @throws IllegalArgumentException if {@code codePoint} is outside 1..0xFFFF or already taken
   *     (a code point never changes meaning within a registry), or if the definition already sits
   *     at another code point (one suite, one code point)
   */
  public SuiteRegistry with(int codePoint, SuiteDefinition definition) {
    if (codePoint < 1 || codePoint > 0xFFFF) {
      throw new IllegalArgumentException(String.format("code point 0x%x outside 1..0xffff", codePoint));
    }
    if (definition == null) {
      throw new IllegalArgumentException("definition must not be null");
    }
    SuiteDefinition taken = suites.get(codePoint);
    if (taken != null) {
      throw new IllegalArgumentException(
          String.format("code point 0x%04x is already %s", codePoint, taken.name()));
    }
    if (suites.containsValue(definition)) {
      throw new IllegalArgumentException(definition.name() + " already has a code point");
    }
    TreeMap<Integer, SuiteDefinition> copy = new TreeMap<>(suites);
    copy.put(codePoint, definition);
    return new SuiteRegistry(copy);
  }

  /** The code points, ascending. */
  public List<Integer> codePoints() {
    return List.copyOf(suites.keySet());
  }

  /** Code point to definition, ascending, unmodifiable. */
  public Map<Integer, SuiteDefinition> entries() {
    return Collections.unmodifiableMap(suites);
  }

  /**
   * The code point named by {@code nameOrCodePoint}: a suite name of this registry (e.g. {@code
   * MLS_128_MLKEM768X25519_AES128GCM_SHA256_Ed25519}, case-insensitive), or a code point in decimal
   * or {@code 0x} hex that this registry holds.
   *
   * @throws IllegalArgumentException if it names no suite of this registry, saying which exist
   */
  public int resolve(String nameOrCodePoint) {
    String wanted = nameOrCodePoint == null ? "" : nameOrCodePoint.trim();
    for (Map.Entry<Integer, SuiteDefinition> e : suites.entrySet()) {
      if (e.getValue().name().equalsIgnoreCase(wanted)) {
        return e.getKey();
      }
    }
    try {
      int codePoint = Integer.decode(wanted);
      if (suites.containsKey(codePoint)) {
        return codePoint;
      }
    } catch (NumberFormatException e) {
      // not a number either: reported below
    }
    StringBuilder known = new StringBuilder();
    suites.forEach((id, d) -> known.append(String.format("%n  0x%04x %s", id, d.name())));
    throw new IllegalArgumentException(
        "no MLS cipher suite '" + wanted + "' in this registry; it has:" + known);
  }

  /** The definition at {@code codePoint}, if any. */
  public Optional<SuiteDefinition> definition(int codePoint) {
    return Optional.ofNullable(suites.get(codePoint));
  }

  /**
   * The suite at {@code codePoint}, drawing randomness from {@code random}; its {@link
   * CipherSuite#id()} is {@code codePoint}.
   *
   * @throws UnsupportedException if this registry has no suite at {@code codePoint}
   * @throws IllegalArgumentException if {@code random} is null
   */
  public CipherSuite get(int codePoint, SecureRandom random) throws UnsupportedException {
    if (random == null) {
      throw new IllegalArgumentException("random must not be null");
    }
    SuiteDefinition definition = suites.get(codePoint);
    if (definition == null) {
      throw new UnsupportedException(String.format(
          "MLS cipher suite 0x%04x (this registry has %s)", codePoint & 0xFFFF, describe()));
    }
    return definition.instantiate(codePoint, random);
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    for (int id : suites.keySet()) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format("0x%04x", id));
    }
    return out.length() == 0 ? "no suites" : out.toString();
  }

  @Override
  public String toString() {
    return "SuiteRegistry[" + describe() + "]";
  }
}
