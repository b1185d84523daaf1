package dev.sealmeet.ds.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  private final BearerTokens tokens = BearerTokens.parse(List.of(
      "# accounts and the SHA-256 of their tokens",
      "",
      BearerTokens.line("ann", "secret-a"),
      BearerTokens.line("bob smith", "secret-b")));

  @Test
  void token_namesItsAccount() {
    assertThat(tokens.accountOf("secret-a")).contains("ann");
    assertThat(tokens.accountOf("secret-b")).contains("bob smith");
  }

  @Test
  void unknownToken_orPrefix_orEmpty_namesNoOne() {
    assertThat(tokens.accountOf("secret-")).isEmpty();
    assertThat(tokens.accountOf("secret-a ")).isEmpty();
    assertThat(tokens.accountOf("")).isEmpty();
  }

  @Test
  void authenticate_readsTheBearerHeader() {
    assertThat(tokens.authenticate(headers("Bearer secret-a"), Optional.empty()))
        .map(Caller::account).contains("ann");
    assertThat(tokens.authenticate(headers("bearer secret-b"), Optional.empty()))
        .map(Caller::account).contains("bob smith");
    assertThat(tokens.authenticate(headers("Basic secret-a"), Optional.empty())).isEmpty();
    assertThat(tokens.authenticate(new Metadata(), Optional.empty())).isEmpty();
  }

  @Test
  void fileLine_isAccountAndHexHash_neverTheToken() {
    String line = BearerTokens.line("ann", "secret-a");
    assertThat(line).startsWith("ann ").doesNotContain("secret-a").hasSize(4 + 64);
    assertThat(tokens.toString()).isEqualTo("BearerTokens[2 accounts]");
  }

  @Test
  void malformedLine_isRefused_byLineNumberOnly() {
    assertThatThrownBy(() -> BearerTokens.parse(List.of("ann", "bob deadbeef")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1")
        .hasMessageNotContaining("ann");
    assertThatThrownBy(() -> BearerTokens.parse(List.of("bob deadbeef")))
        .hasMessageContaining("line 1");
  }

  private static Metadata headers(String authorization) {
    Metadata headers = new Metadata();
    headers.put(BearerTokens.AUTHORIZATION, authorization);
    return headers;
  }
}
