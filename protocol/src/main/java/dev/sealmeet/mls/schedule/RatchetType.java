package dev.sealmeet.mls.schedule;

/** The two hash ratchets of each leaf of the secret tree (RFC 9420 §9). */
public enum RatchetType {
  /** Protects Proposal and Commit content ({@code handshake_ratchet_secret}). */
  HANDSHAKE("handshake"),
  /** Protects application data ({@code application_ratchet_secret}). */
  APPLICATION("application");

  private final String label;

  RatchetType(String label) {
    this.label = label;
  }

  /** The ExpandWithLabel label that starts this ratchet from the leaf secret. */
  String label() {
    return label;
  }
}
