package dev.sealmeet.crypto.hpke;

/** The HPKE KEMs by id: the DHKEMs of RFC 9180 §7.1 and the KEMs of draft-ietf-hpke-pq. */
final class HpkeKems {
  private HpkeKems() {}

  /** The KEM with identifier {@code kemId}, or {@code null}. */
  static HpkeKem forId(int kemId) {
    switch (kemId) {
      case 0x0040:
        return new MlKemHpkeKem(kemId, dev.sealmeet.crypto.MlKems.mlKem512());
      case 0x0041:
        return new MlKemHpkeKem(kemId, dev.sealmeet.crypto.MlKems.mlKem768());
      case 0x0042:
        return new MlKemHpkeKem(kemId, dev.sealmeet.crypto.MlKems.mlKem1024());
      case 0x0050:
        return HybridKem.mlKem768P256();
      case 0x0051:
        return HybridKem.mlKem1024P384();
      case 0x647a:
        return HybridKem.mlKem768X25519();
      default:
        return Dhkem.forId(kemId);
    }
  }
}
