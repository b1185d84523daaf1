package dev.sealmeet.meeting;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sealmeet.testing.FuzzChecks;
import dev.sealmeet.testing.FuzzChecks.Budget;

/**
 * Saved meeting state (issue 18) resumed from a store that holds hostile or damaged bytes: only a
 * {@code SealmeetException} subtype comes out, within the allocation budget of a protocol step.
 * Regression mode runs the committed inputs; {@code -Pfuzz} fuzzes.
 */
class MeetingStateFuzzTest {
  private static Fixture fixture;

  /** A host and a member "ann" whose state is kept in {@link #store}. */
  private static final class Fixture {
    final MemoryStore store = new MemoryStore();
    final MeetingFixtures f = new MeetingFixtures();
    final MeetingClient ann;
    final StateKey key;

    Fixture() throws Exception {
      MeetingClient plain = f.client("ann");
      ann = new MeetingClient("ann", f.identities.get("ann"), f.suite, f.verifier(),
          f.options.withRuntime(f.options.runtime().withStore(store)));
      Meeting host = Meeting.open(f.client("host"), f.ds);
      LobbyGuest guest = LobbyGuest.enter(ann, f.ds, host.invitation());
      host.admit("ann");
      Meeting joined = guest.poll().orElseThrow();
      key = new StateKey(joined.id(), plain.account(), StateKey.MEETING);
    }
  }

  private static synchronized Fixture fixture() throws Exception {
    if (fixture == null) {
      fixture = new Fixture();
    }
    return fixture;
  }

  @FuzzTest(maxDuration = "5m")
  void resume(byte[] bytes) throws Exception {
    Fixture x = fixture();
    x.store.damage(x.key, bytes);
    FuzzChecks.rejects(bytes.length, Budget.STEP,
        () -> Meeting.resume(x.ann, x.f.ds, x.key.meetingId()));
  }
}
