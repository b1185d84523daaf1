package dev.sealmeet.crypto.hpke;

/** The four HPKE modes (RFC 9180 §5, Table 1) with their one-byte identifiers. */
public enum HpkeMode {
  /** mode_base, 0x00: encryption to a public key (§5.1.1). */
  BASE(0x00, false, false),
  /** mode_psk, 0x01: additionally authenticated by a pre-shared key (§5.1.2). */
  PSK(0x01, true, false),
  /** mode_auth, 0x02: additionally authenticated by the sender's KEM key (§5.1.3). */
  AUTH(0x02, false, true),
  /** mode_auth_psk, 0x03: both (§5.1.4). */
  AUTH_PSK(0x03, true, true);

  private final int id;
  private final boolean usesPsk;
  private final boolean usesSenderKey;

  HpkeMode(int id, boolean usesPsk, boolean usesSenderKey) {
    this.id = id;
    this.usesPsk = usesPsk;
    this.usesSenderKey = usesSenderKey;
  }

  /** The mode byte of the key schedule context. */
  public int id() {
    return id;
  }

  /** Whether the mode requires a PSK and PSK id (and forbids them otherwise). */
  public boolean usesPsk() {
    return usesPsk;
  }

  /** Whether the mode authenticates the sender's KEM key (AuthEncap/AuthDecap). */
  public boolean usesSenderKey() {
    return usesSenderKey;
  }

  /**
   * The mode with identifier {@code id}.
   *
   * @throws IllegalArgumentException for an id outside 0..3
   */
  public static HpkeMode fromId(int id) {
    for (HpkeMode m : values()) {
      if (m.id == id) {
        return m;
      }
    }
    throw new IllegalArgumentException("HPKE mode " + id + " is not one of 0..3");
  }
}
