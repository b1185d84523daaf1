package dev.sealmeet.ds.grpc;

import static dev.sealmeet.ds.grpc.AccessOverGrpcTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.TransportException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on by default outside loopback, server certificates checked, mutual TLS names accounts. */
class TlsOverGrpcTest {
  @TempDir Path dir;

  @Test
  void nonLoopbackBind_withoutTls_refusesToStart() throws Exception {
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer.Builder builder = DeliveryServer.builder().core(w.core())
          .authenticator(w.bearerTokens()).bind("0.0.0.0");
      assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not loopback");
      // Said explicitly, it starts (behind a TLS-terminating proxy, say).
      try (DeliveryServer insecure = builder.insecure(true).start()) {
        assertThat(insecure.tls()).isFalse();
      }
    }
  }

  @Test
  void nonLoopbackBind_withTls_starts() throws Exception {
    TestPki pki = new TestPki(dir, "server");
    TestPki.Issued cert = pki.server();
    try (GrpcWorld w = new GrpcWorld();
        DeliveryServer server = DeliveryServer.builder().core(w.core())
            .authenticator(w.bearerTokens()).bind("0.0.0.0").tls(cert.certificate(),
                cert.privateKey()).start()) {
      assertThat(server.tls()).isTrue();
    }
  }

  @Test
  void plaintextClient_toNonLoopbackTarget_isRefused() {
    assertThatThrownBy(() -> GrpcDeliveryService.builder().plaintext()
        .target("example.org:7443").build()).isInstanceOf(IllegalStateException.class);
    assertThat(GrpcDeliveryServiceBuilder.loopback("localhost:1")).isTrue();
    assertThat(GrpcDeliveryServiceBuilder.loopback("127.0.0.2:1")).isTrue();
    assertThat(GrpcDeliveryServiceBuilder.loopback("[::1]:1")).isTrue();
    assertThat(GrpcDeliveryServiceBuilder.loopback("10.0.0.1:1")).isFalse();
    assertThat(GrpcDeliveryServiceBuilder.loopback("localhost.example.org:1")).isFalse();
  }

  @Test
  void tlsServer_trustedByClient_serves_untrustingClient_fails() throws Exception {
    TestPki pki = new TestPki(dir, "server");
    TestPki other = new TestPki(dir, "other");
    TestPki.Issued cert = pki.server();
    try (GrpcWorld w = new GrpcWorld()) {
      w.token("host");
      DeliveryServer server = DeliveryServer.builder().core(w.core())
          .authenticator(w.bearerTokens()).tls(cert.certificate(), cert.privateKey()).start();
      w.closeLater(server);
      GrpcDeliveryService trusting = GrpcDeliveryService.builder()
          .target("localhost:" + server.port()).trustRoots(pki.caPem())
          .bearerToken(w.token("host")).build();
      w.closeLater(trusting);
      Meeting host = Meeting.open(w.client("host"), trusting);
      assertThat(trusting.fetch(host.id(), 1)).isEmpty();

      GrpcDeliveryService untrusting = GrpcDeliveryService.builder()
          .target("localhost:" + server.port()).trustRoots(other.caPem())
          .bearerToken(w.token("host")).retry(RetryPolicy.none()).build();
      w.closeLater(untrusting);
      assertThatThrownBy(() -> untrusting.fetch(host.id(), 1))
          .isInstanceOf(TransportException.class);
      // Nor does a plaintext client get through to a TLS port.
      GrpcDeliveryService plain = GrpcDeliveryService.builder().plaintext()
          .target("127.0.0.1:" + server.port()).bearerToken(w.token("host"))
          .retry(RetryPolicy.none()).build();
      w.closeLater(plain);
      assertThatThrownBy(() -> plain.fetch(host.id(), 1)).isInstanceOf(TransportException.class);
    }
  }

  @Test
  void mutualTls_namesTheAccountByItsCertificate() throws Exception {
    TestPki servers = new TestPki(dir, "server");
    TestPki clients = new TestPki(dir, "clients");
    TestPki rogue = new TestPki(dir, "rogue");
    TestPki.Issued cert = servers.server();
    try (GrpcWorld w = new GrpcWorld()) {
      DeliveryServer server = DeliveryServer.builder().core(w.core())
          .authenticator(ClientCertificates.fromPem(clients.caPem()))
          .tls(cert.certificate(), cert.privateKey()).clientCa(clients.caPem()).start();
      w.closeLater(server);
      // ann's certificate makes her "ann": she opens a meeting she signed as ann.
      GrpcDeliveryService ann = mtls(w, server, servers, clients.client("ann"));
      Meeting meeting = Meeting.open(w.client("ann"), ann);
      assertThat(ann.fetch(meeting.id(), 1)).isEmpty();
      // mallory's certificate makes him "mallory": not a reader of ann's meeting, and he cannot
      // open a meeting signed by another account.
      GrpcDeliveryService mallory = mtls(w, server, servers, clients.client("mallory"));
      assertRefused(() -> mallory.fetch(meeting.id(), 1),
          CallRefusedException.Reason.PERMISSION_DENIED);
      assertThatThrownBy(() -> Meeting.open(w.client("ann"), mallory))
          .hasRootCauseInstanceOf(CallRefusedException.class);
      // A certificate of another CA does not get through the handshake.
      GrpcDeliveryService forged = mtls(w, server, servers, rogue.client("ann"));
      assertThatThrownBy(() -> forged.fetch(meeting.id(), 1))
          .isInstanceOf(TransportException.class);
    }
  }

  @Test
  void clientCertificates_acceptOnlyTheirCa_andTakeTheSubjectCn() throws Exception {
    TestPki clients = new TestPki(dir, "clients");
    TestPki rogue = new TestPki(dir, "rogue");
    ClientCertificates check = new ClientCertificates(List.of(clients.ca()));
    var annCert = ClientCertificates.readCertificates(clients.client("ann").certificate()).get(0);
    var rogueCert = ClientCertificates.readCertificates(rogue.client("ann").certificate()).get(0);
    assertThat(ClientCertificates.commonName(annCert)).contains("ann");
    assertThat(check.authenticate(new io.grpc.Metadata(),
        java.util.Optional.of(new FakeSession(annCert)))).get()
        .extracting(dev.sealmeet.ds.Caller::account).isEqualTo("ann");
    assertThat(check.authenticate(new io.grpc.Metadata(),
        java.util.Optional.of(new FakeSession(rogueCert)))).isEmpty();
    assertThat(check.authenticate(new io.grpc.Metadata(), java.util.Optional.empty())).isEmpty();
    // A CA of the same name but another key: its certificate does not verify.
    TestPki impostor = new TestPki(java.nio.file.Files.createDirectories(dir.resolve("i")),
        "clients");
    var forged = ClientCertificates.readCertificates(impostor.client("ann").certificate()).get(0);
    assertThat(forged.getIssuerX500Principal()).isEqualTo(annCert.getIssuerX500Principal());
    assertThat(check.authenticate(new io.grpc.Metadata(),
        java.util.Optional.of(new FakeSession(forged)))).isEmpty();
  }

  private GrpcDeliveryService mtls(GrpcWorld w, DeliveryServer server, TestPki servers,
      TestPki.Issued client) throws Exception {
    GrpcDeliveryService ds = GrpcDeliveryService.builder().target("localhost:" + server.port())
        .trustRoots(servers.caPem()).clientCertificate(client.certificate(), client.privateKey())
        .retry(RetryPolicy.none()).build();
    w.closeLater(ds);
    return ds;
  }
}
