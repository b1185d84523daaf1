package dev.sealmeet.mls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.crypto.RawKeyPair;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.AuthenticationException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.EncryptedGroupSecrets;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.GroupInfo;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PathSecret;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.ResumptionPskUsage;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.schedule.EpochSecrets;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskInput;
import dev.sealmeet.mls.schedule.PskSecret;
import dev.sealmeet.mls.testing.TestSuites;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * RFC 9420 §12.4.3.1 on the first (suite 1) case of the official welcome.json and on Welcomes made
 * by
 * {@link WelcomeSender} for that case's KeyPackage: every check fails closed and names itself.
 */
class WelcomeReceiverTest {
  private final MlsSuite suite = TestSuites.suite1();
  private final RawKeyPair signer = suite.primitives().signatureGenerateKeyPair();
  private final byte[] initPriv;
  private final byte[] signerPub;
  private final KeyPackage keyPackage;
  private final Welcome welcome;

  WelcomeReceiverTest() throws Exception {
    String text = Files.readString(VectorRoot.official().resolve("mls/welcome.json"));
    initPriv = field(text, "init_priv");
    signerPub = field(text, "signer_pub");
    keyPackage = (KeyPackage) MlsMessage.fromBytes(field(text, "key_package")).body();
    welcome = (Welcome) MlsMessage.fromBytes(field(text, "welcome")).body();
  }

  /** The first occurrence of {@code name}: the suite 1 case. */
  private static byte[] field(String text, String name) throws IOException {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([0-9a-f]*)\"").matcher(text);
    assertThat(m.find()).isTrue();
    return HexFormat.of().parseHex(m.group(1));
  }

  @Test
  void join_officialVector_verifies() throws Exception {
    VerifiedWelcome joined = WelcomeReceiver.join(
        suite, welcome, keyPackage, initPriv, PskLookup.none(), info -> signerPub);
    assertThat(joined.groupInfo().groupContext().cipherSuite()).isEqualTo(1);
    assertThat(joined.toString()).contains("epoch").doesNotContain(
        HexFormat.of().formatHex(joined.epochSecrets().confirmationKey().copyBytes()));
  }

  @Test
  void join_wrongSignerKey_isRejectedNamingGroupInfoSignature() {
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, welcome, keyPackage, initPriv,
        PskLookup.none(), info -> signer.publicKey()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("GroupInfo signature");
  }

  @Test
  void join_otherKeyPackage_isProtocolException() {
    KeyPackage other = keyPackage.withSignature(new byte[64]);
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, welcome, other, initPriv,
        PskLookup.none(), info -> signerPub))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("none of the Welcome's");
  }

  @Test
  void join_wrongInitKey_isRejectedNamingGroupSecrets() {
    byte[] otherInit = suite.primitives().hpkeGenerateKeyPair().privateKey();
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, welcome, keyPackage, otherInit,
        PskLookup.none(), info -> signerPub))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("encrypted_group_secrets");
  }

  @Test
  void join_tamperedEncryptedGroupInfo_isRejected() {
    byte[] info = welcome.encryptedGroupInfo();
    info[info.length / 2] ^= 0x01;
    Welcome tampered = new Welcome(welcome.cipherSuite(), welcome.secrets(), info);
    // The HPKE context binds encrypted_group_info, so the GroupSecrets no longer open.
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, tampered, keyPackage, initPriv,
        PskLookup.none(), info2 -> signerPub))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void join_otherSuite_isProtocolException() {
    Welcome other = new Welcome(2, welcome.secrets(), welcome.encryptedGroupInfo());
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, other, keyPackage, initPriv,
        PskLookup.none(), info -> signerPub))
        .isInstanceOf(ProtocolException.class);
  }

  private GroupContext context() {
    return new GroupContext(ProtocolVersion.MLS10, 1, "welcome-test".getBytes(), 4,
        FramingFixture.filled(1, 32), FramingFixture.filled(2, 32), List.of());
  }

  /** A Welcome of our own making to {@link #keyPackage}, signed by {@link #signer}. */
  private Welcome ownWelcome(byte[] joinerBytes, List<PreSharedKeyId> psks, PskSecret pskForTag,
      PskSecret pskForWelcome, boolean corruptTag) throws Exception {
    GroupContext context = context();
    EpochSecrets epoch = JoinerSecret.of(suite, Secret.copyOf(joinerBytes))
        .epochSecrets(pskForTag, context);
    byte[] tag = epoch.confirmationTag(context.confirmedTranscriptHash());
    if (corruptTag) {
      tag[0] ^= 0x01;
    }
    GroupInfo info = WelcomeSender.sign(suite,
        new GroupInfo(context, List.of(), tag, 0, new byte[0]), signer.privateKey());
    return WelcomeSender.create(suite, JoinerSecret.of(suite, Secret.copyOf(joinerBytes)), psks,
        pskForWelcome, info, List.of(new NewMember(keyPackage,
            Optional.of(new PathSecret(FramingFixture.filled(9, 32))))));
  }

  @Test
  void join_ownWelcome_roundTripsWithPathSecret() throws Exception {
    byte[] joiner = FramingFixture.filled(0x5a, 32);
    Welcome own = ownWelcome(joiner, List.of(), PskSecret.none(suite), PskSecret.none(suite),
        false);
    VerifiedWelcome joined = WelcomeReceiver.join(suite, own, keyPackage, initPriv,
        PskLookup.none(), info -> signer.publicKey());
    assertThat(joined.groupInfo().groupContext()).isEqualTo(context());
    assertThat(joined.pathSecret()).contains(new PathSecret(FramingFixture.filled(9, 32)));
    assertThat(joined.toString()).doesNotContain("0909090909");
  }

  @Test
  void join_confirmationTagMismatch_isRejectedNamingConfirmationTag() throws Exception {
    byte[] joiner = FramingFixture.filled(0x5b, 32);
    Welcome own = ownWelcome(joiner, List.of(), PskSecret.none(suite), PskSecret.none(suite),
        true);
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, own, keyPackage, initPriv,
        PskLookup.none(), info -> signer.publicKey()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("confirmation_tag");
  }

  @Test
  void join_withPsk_needsThePsk() throws Exception {
    PreSharedKeyId id = new PreSharedKeyId.External(new byte[] {7}, FramingFixture.filled(3, 32));
    Secret psk = Secret.copyOf(FramingFixture.filled(0x77, 32));
    PskSecret pskSecret = PskSecret.compute(suite, List.of(new PskInput(id, psk)));
    byte[] joiner = FramingFixture.filled(0x5c, 32);
    Welcome own = ownWelcome(joiner, List.of(id), pskSecret, pskSecret, false);
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, own, keyPackage, initPriv,
        PskLookup.none(), info -> signer.publicKey()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("PSK");
    VerifiedWelcome joined = WelcomeReceiver.join(suite, own, keyPackage, initPriv,
        wanted -> psk, info -> signer.publicKey());
    assertThat(joined.psks()).containsExactly(id);
  }

  @Test
  void join_wrongPsk_failsToDecryptGroupInfo() throws Exception {
    PreSharedKeyId id = new PreSharedKeyId.External(new byte[] {7}, FramingFixture.filled(3, 32));
    Secret psk = Secret.copyOf(FramingFixture.filled(0x77, 32));
    PskSecret pskSecret = PskSecret.compute(suite, List.of(new PskInput(id, psk)));
    Welcome own = ownWelcome(FramingFixture.filled(0x5d, 32), List.of(id), pskSecret, pskSecret,
        false);
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, own, keyPackage, initPriv,
        wanted -> Secret.copyOf(FramingFixture.filled(0x78, 32)), info -> signer.publicKey()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("encrypted_group_info");
  }

  @Test
  void pskSecret_twoReinitPsks_isProtocolException() {
    PreSharedKeyId a = new PreSharedKeyId.Resumption(
        ResumptionPskUsage.REINIT, new byte[] {1}, 1, FramingFixture.filled(1, 32));
    PreSharedKeyId b = new PreSharedKeyId.Resumption(
        ResumptionPskUsage.BRANCH, new byte[] {1}, 2, FramingFixture.filled(2, 32));
    assertThatThrownBy(() -> WelcomeReceiver.pskSecret(suite, List.of(a, b),
        id -> Secret.copyOf(FramingFixture.filled(5, 32))))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void openGroupSecrets_shortJoinerSecret_isProtocolExceptionNotCrash() throws Exception {
    Welcome own = ownWelcome(FramingFixture.filled(0x5e, 32), List.of(), PskSecret.none(suite),
        PskSecret.none(suite), false);
    EncryptedGroupSecrets entry = own.secrets().get(0);
    assertThat(entry.newMember()).isEqualTo(suite.makeKeyPackageRef(keyPackage.toBytes()));
    assertThatThrownBy(() -> WelcomeReceiver.joinerSecret(suite,
        new dev.sealmeet.mls.message.GroupSecrets(new byte[5], Optional.empty(), List.of())))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void join_moreThan65535Psks_isProtocolExceptionBeforeAnyLookup() throws Exception {
    List<PreSharedKeyId> many = new ArrayList<>();
    for (int i = 0; i <= PskSecret.MAX_PSKS; i++) {
      many.add(new PreSharedKeyId.External(new byte[] {(byte) (i >>> 8), (byte) i}, new byte[0]));
    }
    Welcome own = ownWelcome(FramingFixture.filled(0x5f, 32), many, PskSecret.none(suite),
        PskSecret.none(suite), false);
    Welcome received = TlsReader.decodeExactly(own.toBytes(), Welcome::decode);
    List<PreSharedKeyId> looked = new ArrayList<>();
    assertThatThrownBy(() -> WelcomeReceiver.join(suite, received, keyPackage, initPriv,
        id -> {
          looked.add(id);
          return Secret.copyOf(new byte[32]);
        }, info -> signer.publicKey()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("RFC 9420 §8.4");
    assertThat(looked).isEmpty();
  }
}
