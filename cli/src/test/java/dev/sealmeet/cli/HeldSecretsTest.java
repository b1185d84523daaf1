package dev.sealmeet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link HeldSecrets}: the secrets a member holds, found by walking its objects. */
class HeldSecretsTest {
  @Test
  void harvest_ofAMeeting_findsItsBaseKey_signatureKey_andTheEpochSecrets() throws Exception {
    MlsSuite suite = MlsSuite.of(1, DemoCommand.REGISTRY, new SecureRandom());
    SigningIdentity identity = SigningIdentity.generate(suite,
        new BasicCredential("host".getBytes(StandardCharsets.UTF_8)));
    List<byte[]> audited = new ArrayList<>();
    MeetingClient client = new MeetingClient("host", identity, suite,
        IdentityVerifier.basicBoundTo(Map.of("host", identity.signaturePublicKey())),
        MeetingOptions.defaults().withAudit((who, epoch, key) -> audited.add(key)));
    Meeting meeting = Meeting.open(client, new InMemoryDeliveryService(suite));

    HeldSecrets held = new HeldSecrets();
    held.harvest(meeting);
    Set<String> found = held.drain().stream().map(HexFormat.of()::formatHex)
        .collect(Collectors.toSet());

    assertThat(audited).hasSize(1);
    assertThat(found).contains(HexFormat.of().formatHex(audited.get(0)));
    byte[] exported = identity.exportSecret(suite); // ends with the 32-byte Ed25519 private key
    byte[] privateKey = java.util.Arrays.copyOfRange(exported, exported.length - 32,
        exported.length);
    assertThat(found).contains(HexFormat.of().formatHex(privateKey));
    // The nine epoch secrets of RFC 9420 §8 besides, the leaf's HPKE key, the secret tree's root.
    assertThat(found).hasSizeGreaterThanOrEqualTo(12);
    assertThat(held.drain()).isEmpty();
  }

  @Test
  void harvest_skipsErasedAndConstantSecrets_andCountsEachOnce() {
    Secret erased = Secret.copyOf(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    erased.destroy();
    Secret zeros = Secret.copyOf(new byte[32]);
    Secret live = Secret.copyOf(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
    HeldSecrets held = new HeldSecrets();
    held.harvest(List.of(erased, zeros, live, Map.of("again", live.copy())));
    assertThat(held.drain()).containsExactly(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1});
  }
}
