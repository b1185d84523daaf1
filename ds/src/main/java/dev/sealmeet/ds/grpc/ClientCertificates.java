package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * An {@link Authenticator} for mutual TLS: the caller is the subject CN of the client
 * certificate of the connection. The server's TLS layer already requires a certificate chained
 * to the client CA; this authenticator checks it again (issued and signed by one of {@code
 * trusted}, within its validity period), so that it never names an account from a certificate
 * the TLS configuration let through by mistake.
 */
public final class ClientCertificates implements Authenticator {
  private final List<X509Certificate> trusted;

  /** Accepts certificates issued directly by one of {@code trusted}. */
  public ClientCertificates(List<X509Certificate> trusted) {
    if (trusted.isEmpty()) {
      throw new IllegalArgumentException("no trusted client CA");
    }
    this.trusted = List.copyOf(trusted);
  }

  /**
   * Accepts certificates issued by the CA certificates in the PEM file {@code caPem}.
   *
   * @throws IOException if it cannot be read or holds no certificate
   */
  public static ClientCertificates fromPem(Path caPem) throws IOException {
    return new ClientCertificates(readCertificates(caPem));
  }

  /** The X.509 certificates of a PEM file. */
  static List<X509Certificate> readCertificates(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> all = factory.generateCertificates(in).stream()
          .map(X509Certificate.class::cast).toList();
      if (all.isEmpty()) {
        throw new IOException("no certificate in " + pem.getFileName());
      }
      return all;
    } catch (GeneralSecurityException e) {
      throw new IOException("not a PEM certificate file: " + pem.getFileName(), e);
    }
  }

  @Override
  public Optional<Caller> authenticate(Metadata headers, Optional<SSLSession> tls) {
    if (tls.isEmpty()) {
      return Optional.empty();
    }
    Certificate[] chain;
    try {
      chain = tls.get().getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)
        || !issuedByTrusted(leaf)) {
      return Optional.empty();
    }
    return commonName(leaf).map(Caller::new);
  }

  private boolean issuedByTrusted(X509Certificate leaf) {
    try {
      leaf.checkValidity();
    } catch (GeneralSecurityException e) {
      return false;
    }
    for (X509Certificate ca : trusted) {
      if (!ca.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
        continue;
      }
      try {
        leaf.verify(ca.getPublicKey());
        return true;
      } catch (GeneralSecurityException e) {
        // another CA of the same name may have signed it
      }
    }
    return false;
  }

  /** The single CN of the subject; empty if there is none, or several. */
  static Optional<String> commonName(X509Certificate certificate) {
    try {
      LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
      List<Rdn> cns = name.getRdns().stream()
          .filter(r -> r.getType().equalsIgnoreCase("CN")).toList();
      if (cns.size() != 1 || !(cns.get(0).getValue() instanceof String cn) || cn.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(cn);
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "ClientCertificates[" + trusted.size() + " CAs]";
  }
}
