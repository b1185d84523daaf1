package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.wire.Envelope;
import dev.sealmeet.meeting.wire.Handshake;
import dev.sealmeet.meeting.wire.MediaFrame;
import dev.sealmeet.meeting.wire.WelcomeMessage;
import dev.sealmeet.testing.FuzzChecks.Budget;
import dev.sealmeet.testing.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the meeting layer's network input (issue 9 §2): a control envelope
 * ({@code sealmeet.meeting.v1}, read by the library's own proto3 codec) as the delivery service
 * forwards it to a member. The envelope is addressed to the fixture meeting whatever id it
 * carries, so that the fuzzer gets past the meeting-id check into handshake, Welcome, media and
 * end-of-meeting handling. Only {@code SealmeetException} subtypes may escape, a call allocates
 * within {@link Budget#STEP}, and a rejected envelope leaves the member's epoch and security code
 * as they were.
 *
 * <p>Without {@code JAZZER_FUZZ} the target replays {@code MeetingFuzzTestInputs/envelope/}: the
 * log of a fixture meeting (Welcomes, proposals, commits, media frames), written with {@code
 * -Dsealmeet.writeFuzzSeeds=true}.
 */
class MeetingFuzzTest {
  private static final Path INPUTS = Path.of("src", "test", "resources", "dev", "sealmeet",
      "meeting", "MeetingFuzzTestInputs", "envelope");
  private static Meeting member;

  private static synchronized Meeting member() throws SealmeetException {
    if (member == null || member.status() != Meeting.Status.ACTIVE) {
      List<Meeting> m = new MeetingFixtures().meeting("host", "ann");
      member = m.get(1);
    }
    return member;
  }

  /** One envelope, processed by a member of the fixture meeting. */
  @FuzzTest(maxDuration = "5m")
  void envelope(byte[] bytes) throws SealmeetException {
    Meeting ann = member();
    long epoch = ann.epoch();
    String code = ann.securityCode();
    Envelope[] parsed = new Envelope[1];
    if (FuzzChecks.rejects(bytes.length, Budget.DECODE,
        () -> parsed[0] = Envelopes.parse(bytes))) {
      return;
    }
    Envelope addressed = new Envelope(ann.id(), parsed[0].sequence(), parsed[0].submitId(),
        parsed[0].body());
    boolean rejected = FuzzChecks.rejects(bytes.length, Budget.STEP,
        () -> ann.inbox.process(addressed));
    if (rejected) {
      assertThat(ann.epoch()).isEqualTo(epoch);
      assertThat(ann.securityCode()).isEqualTo(code);
    }
  }

  @Test
  void committedSeeds_areEnvelopesOfEveryKind() throws Exception {
    if (Boolean.getBoolean("sealmeet.writeFuzzSeeds")) {
      writeSeeds();
    }
    List<Path> seeds;
    try (Stream<Path> files = Files.list(INPUTS)) {
      seeds = files.sorted().toList();
    }
    java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
    for (Path seed : seeds) {
      kinds.add(Envelopes.parse(Files.readAllBytes(seed)).body().getClass());
    }
    assertThat(kinds).contains(Handshake.class, WelcomeMessage.class, MediaFrame.class);
  }

  private static void writeSeeds() throws SealmeetException, IOException {
    MeetingFixtures f = new MeetingFixtures();
    List<Meeting> m = f.meeting("host", "ann", "ben");
    m.get(0).send(MediaKind.AUDIO, new byte[] {1, 2, 3});
    m.get(1).leave();
    MeetingInternals.pollAll(m);
    Files.createDirectories(INPUTS);
    int i = 0;
    for (SequencedEnvelope entry : f.ds.fetch(m.get(0).id(), 1)) {
      Files.write(INPUTS.resolve(String.format("fixture-%02d", i++)), entry.bytes());
    }
  }
}
