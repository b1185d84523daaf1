package dev.sealmeet.mls.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.Welcome;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.JoinerSecret;
import dev.sealmeet.mls.schedule.PskSecret;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two members of one epoch, each with protections derived from the same joiner secret. */
class EpochProtectionTest {
  private final FramingFixture f = new FramingFixture();

  private EpochProtection member() {
    JoinerSecret joiner = JoinerSecret.of(f.suite, Secret.copyOf(FramingFixture.filled(0x61, 32)));
    return EpochProtection.of(f.suite, f.context,
        joiner.epochSecrets(PskSecret.none(f.suite), f.context), FramingFixture.LEAVES,
        new SecureRandom());
  }

  @Test
  void protect_eitherWireFormat_unprotectsAtTheOtherMember() throws Exception {
    EpochProtection alice = member();
    EpochProtection bob = member();
    MlsMessage app = alice.protect(f.application(0, "hi bob"), WireFormat.PRIVATE_MESSAGE,
        f.signer.privateKey(), Optional.empty(), 4);
    MlsMessage proposal = alice.protect(f.proposal(0), WireFormat.PUBLIC_MESSAGE,
        f.signer.privateKey(), Optional.empty(), 0);
    assertThat(bob.unprotect(MlsMessage.fromBytes(app.toBytes()), f.keys()).framedContent())
        .isEqualTo(f.application(0, "hi bob"));
    assertThat(bob.unprotect(MlsMessage.fromBytes(proposal.toBytes()), f.keys()).wireFormat())
        .isEqualTo(WireFormat.PUBLIC_MESSAGE);
  }

  @Test
  void protect_signedCommit_keepsItsWireFormat() throws Exception {
    EpochProtection alice = member();
    var signed = ContentSignatures.signed(f.suite, f.context, WireFormat.PRIVATE_MESSAGE,
        f.commit(0), f.signer.privateKey(), f.tagFor(f.commit(0)));
    MlsMessage message = alice.protect(signed, 0);
    assertThat(message.wireFormat()).isEqualTo(WireFormat.PRIVATE_MESSAGE);
    assertThat(member().unprotect(message, f.keys()).authenticatedContent()).isEqualTo(signed);
  }

  @Test
  void unprotect_welcome_isProtocolException() {
    MlsMessage welcome = MlsMessage.of(new Welcome(1, List.of(), new byte[16]));
    assertThatThrownBy(() -> member().unprotect(welcome, f.keys()))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void destroy_thenProtect_isIllegalState() {
    EpochProtection alice = member();
    alice.destroy();
    assertThat(alice.toString()).isEqualTo("EpochProtection[epoch 7, 4 leaves]");
    assertThatThrownBy(() -> alice.protect(f.application(0, "late"),
        WireFormat.PRIVATE_MESSAGE, f.signer.privateKey(), Optional.empty(), 0))
        .isInstanceOf(IllegalStateException.class);
  }
}
