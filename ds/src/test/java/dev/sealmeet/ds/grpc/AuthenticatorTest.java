package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final BearerTokens tokens = BearerTokens.parse(List.of(BearerTokens.line("ann", "t")));

  @Test
  void firstOf_takesTheFirstAnswer_inOrder() {
    Authenticator bob = (headers, tls) -> Optional.of(new Caller("bob"));
    Metadata annHeaders = new Metadata();
    annHeaders.put(BearerTokens.AUTHORIZATION, "Bearer t");
    assertThat(Authenticator.firstOf(tokens, bob).authenticate(annHeaders, Optional.empty()))
        .map(Caller::account).contains("ann");
    assertThat(Authenticator.firstOf(bob, tokens).authenticate(annHeaders, Optional.empty()))
        .map(Caller::account).contains("bob");
    assertThat(Authenticator.firstOf(tokens, bob).authenticate(new Metadata(), Optional.empty()))
        .map(Caller::account).contains("bob");
    assertThat(Authenticator.firstOf(tokens).authenticate(new Metadata(), Optional.empty()))
        .isEmpty();
  }

  @Test
  void accountTag_isShortHex_andNotTheAccount() {
    String tag = RequestLogInterceptor.accountTag("ann");
    assertThat(tag).matches("[0-9a-f]{16}").isNotEqualTo(RequestLogInterceptor.accountTag("bob"));
  }
}
