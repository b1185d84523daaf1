package dev.sealmeet.mls.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochSecretsTest {
  private final MlsSuite suite = Suites.suite1();
  private final GroupContext context = new GroupContext(
      ProtocolVersion.MLS10, 1, new byte[] {1}, 0, new byte[32], new byte[0], List.of());

  private EpochSecrets epoch(int initFill) {
    JoinerSecret joiner = JoinerSecret.derive(
        suite, InitSecret.of(Suites.secret(initFill, 32)), Suites.secret(0, 32), context);
    return joiner.epochSecrets(PskSecret.none(suite), context);
  }

  @Test
  void epochSecrets_sameInputs_sameSecrets_otherInit_otherSecrets() {
    assertThat(epoch(1).encryptionSecret().equalsSecret(epoch(1).encryptionSecret())).isTrue();
    assertThat(epoch(1).encryptionSecret().equalsSecret(epoch(2).encryptionSecret())).isFalse();
  }

  @Test
  void epochSecrets_everyLabel_givesDistinctSecret() {
    EpochSecrets e = epoch(1);
    List<Secret> all = List.of(e.senderDataSecret(), e.encryptionSecret(), e.exporterSecret(),
        e.externalSecret(), e.confirmationKey(), e.membershipKey(), e.resumptionPsk(),
        e.epochAuthenticator(), e.initSecret().copySecret());
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).equalsSecret(all.get(j))).as(i + " vs " + j).isFalse();
      }
    }
  }

  @Test
  void verifyConfirmationTag_ownTag_passes_tamperedTag_throws() throws Exception {
    EpochSecrets e = epoch(1);
    byte[] hash = new byte[32];
    byte[] tag = e.confirmationTag(hash);
    e.verifyConfirmationTag(hash, tag);
    tag[0] ^= 1;
    assertThatThrownBy(() -> e.verifyConfirmationTag(hash, tag))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("confirmation_tag");
    assertThatThrownBy(() -> e.verifyConfirmationTag(hash, new byte[3]))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void verifyMembershipTag_tamperedContent_throws() throws Exception {
    EpochSecrets e = epoch(1);
    byte[] tag = e.membershipTag(new byte[] {1, 2, 3});
    e.verifyMembershipTag(new byte[] {1, 2, 3}, tag);
    assertThatThrownBy(() -> e.verifyMembershipTag(new byte[] {1, 2, 4}, tag))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void externalInit_joinerAndGroup_agreeOnInitSecret() throws Exception {
    EpochSecrets e = epoch(1);
    ExternalInit joiner = ExternalInit.create(suite, e.externalPublicKey());
    InitSecret group = e.externalInitSecret(joiner.kemOutput());
    assertThat(group.copySecret().equalsSecret(joiner.initSecret().copySecret())).isTrue();
  }

  @Test
  void export_labelOrContextChange_changesOutput() {
    EpochSecrets e = epoch(1);
    Secret a = e.export("a", new byte[] {1}, 16);
    assertThat(a.length()).isEqualTo(16);
    assertThat(a.equalsSecret(e.export("a", new byte[] {1}, 16))).isTrue();
    assertThat(a.equalsSecret(e.export("b", new byte[] {1}, 16))).isFalse();
    assertThat(a.equalsSecret(e.export("a", new byte[] {2}, 16))).isFalse();
  }

  @Test
  void secretTree_createdTwice_isRejectedAndEncryptionSecretWiped() {
    EpochSecrets e = epoch(1);
    SecretTree tree = e.secretTree(2);
    assertThat(tree.leafCount()).isEqualTo(2);
    assertThatThrownBy(() -> e.secretTree(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(e::encryptionSecret).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void destroy_thenUse_throwsIllegalState() {
    EpochSecrets e = epoch(1);
    e.destroy();
    assertThat(e.toString()).contains("destroyed");
    assertThatThrownBy(e::encryptionSecret).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_ofEverySecretHolder_showsNoBytes() {
    EpochSecrets e = epoch(1);
    String secretHex = Suites.hex(e.encryptionSecret().copyBytes());
    JoinerSecret joiner = JoinerSecret.derive(
        suite, InitSecret.of(Suites.secret(1, 32)), Suites.secret(0, 32), context);
    for (Object holder : List.of(e, joiner, joiner.welcomeSecret(PskSecret.none(suite)),
        e.initSecret(), PskSecret.none(suite), e.senderDataKey(new byte[40]))) {
      assertThat(holder.toString()).doesNotContain(secretHex).doesNotContain("0000000000");
    }
    assertThat(joiner.toString()).isEqualTo("JoinerSecret[Secret[32 bytes]]");
  }

  @Test
  void welcomeSecret_keyAndNonce_haveAeadLengths() {
    JoinerSecret joiner = JoinerSecret.derive(
        suite, InitSecret.of(Suites.secret(1, 32)), Suites.secret(0, 32), context);
    WelcomeSecret welcome = joiner.welcomeSecret(PskSecret.none(suite));
    assertThat(welcome.welcomeKey().length()).isEqualTo(16);
    assertThat(welcome.welcomeNonce().length()).isEqualTo(12);
  }

  @Test
  void joinerSecretOf_wrongLength_isRejected() {
    assertThatThrownBy(() -> JoinerSecret.of(suite, Suites.secret(1, 31)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
