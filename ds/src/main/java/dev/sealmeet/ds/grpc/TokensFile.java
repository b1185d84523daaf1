package dev.sealmeet.ds.grpc;

import dev.sealmeet.ds.Caller;
import io.grpc.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * {@link BearerTokens} read from a file that may change while the server runs: an account added
 * with {@link #addAccount} is accepted within a second, without a restart. A file that no longer
 * parses is not taken (the accounts read before stay, and a warning is logged, naming the line
 * number only).
 */
public final class TokensFile implements Authenticator {
  private static final System.Logger LOG = System.getLogger("dev.sealmeet.ds.grpc.TokensFile");
  private static final Duration RECHECK = Duration.ofSeconds(1);
  private static final int TOKEN_BYTES = 32;

  private final Path file;
  private final Clock clock;
  private BearerTokens tokens;
  private FileTime readAt;
  private Instant checkedAt;

  private TokensFile(Path file, Clock clock) throws IOException {
    this.file = file;
    this.clock = clock;
    this.readAt = Files.getLastModifiedTime(file);
    this.tokens = BearerTokens.fromFile(file);
    this.checkedAt = clock.instant();
  }

  /**
   * Reads {@code file}, and again whenever it changed (checked at most once a second).
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if a line is malformed
   */
  public static TokensFile watch(Path file) throws IOException {
    return new TokensFile(Objects.requireNonNull(file, "file"), Clock.systemUTC());
  }

  /**
   * Creates {@code file} with no account, readable by its owner only where the file system has
   * POSIX permissions, unless it exists.
   */
  public static void createIfAbsent(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, "# <account> <sha-256 of its bearer token, hex>; "
        + "add one with: sealmeet ds --add-account NAME\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own access rules apply
    }
  }

  /**
   * Binds a new random token (32 bytes, base64url) to {@code account} in {@code file} (created if
   * absent) and returns it: the file keeps only its hash, so this is the only time it is shown.
   *
   * @throws IllegalArgumentException if the account is empty or holds white space
   */
  public static String addAccount(Path file, String account, SecureRandom random)
      throws IOException {
    if (account.isEmpty() || account.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("an account name is one word");
    }
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    createIfAbsent(file);
    Files.write(file, List.of(BearerTokens.line(account, token)), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return token;
  }

  @Override
  public Optional<Caller> authenticate(Metadata headers, Optional<SSLSession> tls) {
    return current().authenticate(headers, tls);
  }

  private synchronized BearerTokens current() {
    Instant now = clock.instant();
    if (Duration.between(checkedAt, now).compareTo(RECHECK) >= 0) {
      checkedAt = now;
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(readAt)) {
          readAt = modified; // a file that does not parse is reported once, not every second
          tokens = BearerTokens.fromFile(file);
        }
      } catch (IOException | IllegalArgumentException e) {
        LOG.log(System.Logger.Level.WARNING, "the tokens file was not reread: {0}",
            e instanceof IllegalArgumentException ? e.getMessage() : "it cannot be read");
      }
    }
    return tokens;
  }

  /** Counts only. */
  @Override
  public synchronized String toString() {
    return "TokensFile[" + tokens + "]";
  }
}
