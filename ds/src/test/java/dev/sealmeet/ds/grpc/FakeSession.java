package dev.sealmeet.ds.grpc;

import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/** A TLS session that only names its peer's certificate. */
final class FakeSession implements SSLSession {
  private final X509Certificate peer;

  FakeSession(X509Certificate peer) {
    this.peer = peer;
  }

  @Override
  public Certificate[] getPeerCertificates() {
    return new Certificate[] {peer};
  }

  @Override
  public byte[] getId() {
    return new byte[0];
  }

  @Override
  public SSLSessionContext getSessionContext() {
    return null;
  }

  @Override
  public long getCreationTime() {
    return 0;
  }

  @Override
  public long getLastAccessedTime() {
    return 0;
  }

  @Override
  public void invalidate() {}

  @Override
  public boolean isValid() {
    return true;
  }

  @Override
  public void putValue(String name, Object value) {}

  @Override
  public Object getValue(String name) {
    return null;
  }

  @Override
  public void removeValue(String name) {}

  @Override
  public String[] getValueNames() {
    return new String[0];
  }

  @Override
  public Certificate[] getLocalCertificates() {
    return null;
  }

  @Override
  public Principal getPeerPrincipal() {
    return peer.getSubjectX500Principal();
  }

  @Override
  public Principal getLocalPrincipal() {
    return null;
  }

  @Override
  public String getCipherSuite() {
    return "TLS_AES_128_GCM_SHA256";
  }

  @Override
  public String getProtocol() {
    return "TLSv1.3";
  }

  @Override
  public String getPeerHost() {
    return "127.0.0.1";
  }

  @Override
  public int getPeerPort() {
    return 0;
  }

  @Override
  public int getPacketBufferSize() {
    return 16_709;
  }

  @Override
  public int getApplicationBufferSize() {
    return 16_384;
  }
}
