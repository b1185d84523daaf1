package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The default {@link Authenticator}: a bearer token in the {@code authorization} metadata
 * ({@code Bearer <token>}), bound to an account by a tokens file. Each line of the file is
 * {@code <account> <sha-256 of the token, hex>}; blank lines and lines starting with {@code #}
 * are skipped. The server keeps only the hashes; a presented token is hashed and compared with
 * every entry in constant time, so neither a match's position nor a prefix leaks through timing.
 * Tokens are never logged or kept.
 */
public final class BearerTokens implements Authenticator {
  /** The metadata key that carries the token. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The scheme before the token in {@link #AUTHORIZATION}. */
  public static final String SCHEME = "Bearer ";

  private static final int HASH_LENGTH = 32;

  private final List<String> accounts;
  private final List<byte[]> hashes;

  private BearerTokens(List<String> accounts, List<byte[]> hashes) {
    this.accounts = List.copyOf(accounts);
    this.hashes = List.copyOf(hashes);
  }

  /**
   * Reads a tokens file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if a line is not {@code <account> <64 hex digits>} (the
   *     message names the line number only)
   */
  public static BearerTokens fromFile(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** Parses the lines of a tokens file, as {@link #fromFile} does. */
  public static BearerTokens parse(List<String> lines) {
    List<String> accounts = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = lastWhitespace(line);
      byte[] hash = space < 1 ? null : hexOrNull(line.substring(space + 1));
      if (hash == null || hash.length != HASH_LENGTH) {
        throw new IllegalArgumentException("tokens file line " + (i + 1)
            + ": expected '<account> <sha-256 of the token in hex>'");
      }
      accounts.add(line.substring(0, space).strip());
      hashes.add(hash);
    }
    return new BearerTokens(accounts, hashes);
  }

  /** The line of a tokens file that binds {@code token} to {@code account}. */
  public static String line(String account, String token) {
    return account + " " + HexFormat.of().formatHex(sha256(token));
  }

  @Override
  public Optional<Caller> authenticate(Metadata headers, Optional<SSLSession> tls) {
    String value = headers.get(AUTHORIZATION);
    if (value == null || value.length() <= SCHEME.length()
        || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return account(value.substring(SCHEME.length()).strip());
  }

  /** The account {@code token} is bound to; every entry is compared, in constant time. */
  Optional<String> accountOf(String token) {
    return account(token).map(Caller::account);
  }

  private Optional<Caller> account(String token) {
    byte[] presented = sha256(token);
    int found = -1;
    for (int i = 0; i < hashes.size(); i++) {
      boolean equal = MessageDigest.isEqual(presented, hashes.get(i));
      found = equal && found < 0 ? i : found;
    }
    return found < 0 ? Optional.empty() : Optional.of(new Caller(accounts.get(found)));
  }

  private static byte[] sha256(String token) {
    Objects.requireNonNull(token, "token");
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static int lastWhitespace(String line) {
    for (int i = line.length() - 1; i >= 0; i--) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] hexOrNull(String hex) {
    try {
      return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "BearerTokens[" + accounts.size() + " accounts]";
  }
}
