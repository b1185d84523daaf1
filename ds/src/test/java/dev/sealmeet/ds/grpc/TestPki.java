package dev.sealmeet.ds.grpc;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made at test time in a temporary directory (no key is committed): a CA, and
 * certificates it issues for a server (127.0.0.1, localhost) or a client account (subject CN).
 */
final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  private final Path dir;
  private final String name;
  private final KeyPair caKeys;
  private final X509Certificate ca;

  /** A certificate and key written as PEM files. */
  record Issued(Path certificate, Path privateKey) {}

  TestPki(Path dir, String name) throws Exception {
    this.dir = dir;
    this.name = name;
    this.caKeys = keyPair();
    X500Name subject = new X500Name("CN=" + name + " test CA");
    X509v3CertificateBuilder builder = builder(subject, subject, caKeys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    this.ca = sign(builder, caKeys);
  }

  /** The CA certificate as a PEM file. */
  Path caPem() throws IOException {
    Path file = dir.resolve(name + "-ca.pem");
    if (!Files.exists(file)) {
      Files.writeString(file, pem(ca));
    }
    return file;
  }

  X509Certificate ca() {
    return ca;
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  Issued server() throws Exception {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder builder = builder(new X500Name("CN=localhost"),
        new X500Name(ca.getSubjectX500Principal().getName()), keys);
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
        new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")}));
    return write("server", sign(builder, caKeys), keys);
  }

  /** A client certificate whose subject CN is {@code account}. */
  Issued client(String account) throws Exception {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder builder = builder(new X500Name("CN=" + account + ",O=Sealmeet test"),
        new X500Name(ca.getSubjectX500Principal().getName()), keys);
    return write("client-" + account, sign(builder, caKeys), keys);
  }

  private Issued write(String who, X509Certificate certificate, KeyPair keys) throws IOException {
    Path cert = dir.resolve(name + "-" + who + ".pem");
    Path key = dir.resolve(name + "-" + who + ".key");
    Files.writeString(cert, pem(certificate));
    Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    return new Issued(cert, key);
  }

  private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer,
      KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
        subject, keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static String pem(X509Certificate certificate) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    }
    return out.toString();
  }
}
