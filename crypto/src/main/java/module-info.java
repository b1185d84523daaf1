/**
 * Sealmeet's cryptography: MLS cipher suites and the primitives they are made of, and the exception
 * hierarchy of every Sealmeet module. HPKE ({@code dev.sealmeet.crypto.hpke}) stays inside: it is
 * reached through {@code CipherSuite}.
 */
module dev.sealmeet.crypto {
  requires org.bouncycastle.provider;

  exports dev.sealmeet.crypto;
  exports dev.sealmeet.error;
}
