package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every line a meeting logs over a whole run (open, admissions, media, update, leave, removal, a
 * rejected envelope, a stall, a restart) is captured; none holds a key or an account name.
 */
class MeetingLogTest {
  private static final String[] ACCOUNTS = {"acct-hostq", "acct-annq", "acct-benq", "acct-zoeq"};

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<byte[]> keys = new CopyOnWriteArrayList<>();
  private final MeetingFixtures f = new MeetingFixtures(MeetingOptions.defaults()
      .withAudit((account, epoch, baseKey) -> keys.add(baseKey.clone()))
      .withRuntime(MeetingRuntime.defaults()
          .withLog((level, message) -> lines.add(level + " " + message.get()))));

  @Test
  @DisplayName("a full run logs state changes and rejections, and no key or account")
  void fullRun_logsChangesAndRejections_neverAKeyOrAccount() throws SealmeetException {
    List<Meeting> m = f.meeting(ACCOUNTS[0], ACCOUNTS[1], ACCOUNTS[2]);
    m.get(0).send(MediaKind.AUDIO, new byte[] {1, 2, 3});
    MeetingInternals.pollAll(m);
    m.get(1).update();
    m.get(2).leave();
    m.get(0).commitPending();
    MeetingInternals.pollAll(m);
    LobbyGuest zoe = LobbyGuest.enter(f.client(ACCOUNTS[3]), f.ds, m.get(0).invitation());
    m.get(1).poll();
    Meeting atZoe = f.admit(m.get(0), zoe);
    m.get(0).remove(ACCOUNTS[3]);
    MeetingInternals.submit(f.ds,
        ProtoEnvelopes.media(m.get(0).id(), MediaKind.AUDIO, new byte[] {0, 1, 2}));
    MeetingInternals.pollAll(m);
    f.submitUnchecked(m.get(1), CommitRequest.empty().remove(0));
    m.get(0).poll();
    atZoe.poll();
    m.get(0).restart().close();

    assertThat(keys).hasSizeGreaterThan(10);
    assertThat(lines).anyMatch(l -> l.startsWith("DEBUG epoch "));
    assertThat(lines).anyMatch(l -> l.startsWith("WARNING rejected envelope ")
        && l.contains(": REMOVE_WITHOUT_RIGHT ("));
    assertThat(lines).anyMatch(l -> l.startsWith("WARNING stalled in epoch "));
    assertThat(lines).anyMatch(l -> l.startsWith("INFO removed from the meeting"));
    assertThat(lines).anyMatch(l -> l.startsWith("INFO meeting ended, successor named"));
    List<String> forbidden = new ArrayList<>(List.of(ACCOUNTS));
    for (byte[] key : keys) {
      forbidden.addAll(encodings(key));
    }
    for (String line : lines) {
      for (String secret : forbidden) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  /** Hex (both cases), Base64 (standard and URL-safe, padded or not) and the array's string. */
  private static List<String> encodings(byte[] key) {
    StringBuilder hex = new StringBuilder();
    for (byte b : key) {
      hex.append(String.format("%02x", b));
    }
    String std = Base64.getEncoder().encodeToString(key);
    String url = Base64.getUrlEncoder().encodeToString(key);
    return List.of(hex.toString(), hex.toString().toUpperCase(Locale.ROOT), std,
        std.replace("=", ""), url, url.replace("=", ""), java.util.Arrays.toString(key));
  }
}
