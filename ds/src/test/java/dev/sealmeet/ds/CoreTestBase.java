package dev.sealmeet.ds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.meeting.Meeting;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Fixtures over a fresh store for each test of the core: a subclass names the store. */
public abstract class CoreTestBase {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The fixtures of the running test. */
  protected CoreFixtures f;

  /** A fresh store for one test. */
  protected abstract LogStore open() throws Exception;

  /** Whether {@link #reopen} opens the same store again. */
  protected boolean durable() {
    return false;
  }

  /** The same store again after it was closed (a restart), if it is {@link #durable}. */
  protected Optional<LogStore> reopen() throws Exception {
    return Optional.empty();
  }

  @BeforeEach
  void setUp() throws Exception {
    f = new CoreFixtures(open());
  }

  @AfterEach
  void tearDown() throws Exception {
    f.close();
  }

  static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static void assertConverged(List<Meeting> members) {
    for (Meeting member : members) {
      assertThat(member.status()).isEqualTo(Meeting.Status.ACTIVE);
      assertThat(member.epoch()).isEqualTo(members.get(0).epoch());
      assertThat(member.securityCode()).isEqualTo(members.get(0).securityCode());
      assertThat(member.rejected()).isEmpty();
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(10);
    }
  }
}
