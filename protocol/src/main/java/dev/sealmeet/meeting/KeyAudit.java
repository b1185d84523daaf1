package dev.sealmeet.meeting;

/**
 * Receives a copy of every media {@code base_key} a member installs, so that an auditor (the
 * demo's proofs) can try every key each party ever held against every frame. Keys handed here are
 * outside the library's erasure: use it in audits and demos only, never in production.
 */
@FunctionalInterface
public interface KeyAudit {
  /** Member {@code account} installed {@code baseKey} (a copy) for {@code epoch}. */
  void installed(String account, long epoch, byte[] baseKey);

  /** No audit: keys stay inside the library, and no copy of them is made. */
  static KeyAudit none() {
    return Holder.NONE;
  }

  /** Holds the one "no audit" instance, which {@code Meeting} recognizes to skip the copy. */
  final class Holder {
    static final KeyAudit NONE = (account, epoch, baseKey) -> { };

    private Holder() {}
  }
}
