package dev.sealmeet.sframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.crypto.Secret;
import dev.sealmeet.error.SealmeetException;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SframeOptions#withProvider}: frames are the same bytes whatever the provider. */
class SframeProviderTest {
  private static final SframeOptions ALL = SframeOptions.defaults().withProvisionalSuites(true);
  private static final byte[] PAYLOAD = "a frame of media".getBytes(StandardCharsets.UTF_8);

  /** A provider that offers nothing: every algorithm must come from the JDK instead. */
  private static final class EmptyProvider extends Provider {
    EmptyProvider() {
      super("Empty", "1", "offers no algorithm");
    }
  }

  private static byte[] protect(SframeSuite suite, SframeOptions options) {
    try (SframeSender sender = new SframeSender(suite, options)) {
      sender.addKey(5, Secret.copyOf(new byte[suite.keyLength() > 16 ? 32 : 16]));
      sender.protect(5, new byte[0], PAYLOAD);
      return sender.protect(5, new byte[] {1, 2}, PAYLOAD);
    }
  }

  @ParameterizedTest
  @EnumSource(SframeSuite.class)
  void protect_sunJceOrEmptyProvider_sameBytesAsDefault(SframeSuite suite)
      throws SealmeetException {
    byte[] expected = protect(suite, ALL);
    assertThat(protect(suite, ALL.withProvider(Security.getProvider("SunJCE"))))
        .isEqualTo(expected);
    assertThat(protect(suite, ALL.withProvider(new EmptyProvider()))).isEqualTo(expected);
    try (SframeReceiver receiver = new SframeReceiver(suite,
        ALL.withProvider(Security.getProvider("SunJCE")))) {
      receiver.addKey(5, Secret.copyOf(new byte[suite.keyLength() > 16 ? 32 : 16]));
      assertThat(receiver.unprotect(new byte[] {1, 2}, expected)).isEqualTo(PAYLOAD);
    }
  }

  @Test
  void options_provider_defaultEmptyAndNamedInToString() {
    assertThat(SframeOptions.defaults().provider()).isEmpty();
    SframeOptions withSun = SframeOptions.defaults().withProvider(Security.getProvider("SunJCE"));
    assertThat(withSun.toString()).contains("provider=SunJCE");
    assertThat(withSun.withJdkProvider().provider()).isEmpty();
    assertThat(withSun.withReplayWindow(128).provider()).isPresent();
    assertThatThrownBy(() -> new SframeOptions(1024, false, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(new SframeOptions(1024, false)).isEqualTo(SframeOptions.defaults());
    assertThat(new SframeOptions(1024, false, Optional.empty()))
        .isEqualTo(SframeOptions.defaults());
  }
}
