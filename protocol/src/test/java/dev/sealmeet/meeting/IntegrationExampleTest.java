package dev.sealmeet.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The integration the README's "Integrate Sealmeet" section shows: each member's meeting driven by
 * its own control thread, fed by pushes from the delivery service, while an encoder thread
 * protects frames into the vendor's media path (here a queue standing in for the SFU) and a
 * decoder thread unprotects them, across two key changes the host makes meanwhile. Every frame
 * reaches the other member.
 */
class IntegrationExampleTest {
  private static final int FRAMES = 300;
  private final MeetingFixtures f = new MeetingFixtures();
  private final ExecutorService hostControl = Executors.newSingleThreadExecutor();
  private final ExecutorService annControl = Executors.newSingleThreadExecutor();
  private final ExecutorService media = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    hostControl.shutdownNow();
    annControl.shutdownNow();
    media.shutdownNow();
  }

  private static <T> T on(ExecutorService control, Callable<T> call) throws Exception {
    return control.submit(call).get(60, TimeUnit.SECONDS);
  }

  /** Pushes go back to the member's control thread; a gap is healed by a poll there. */
  private Subscription subscribe(Meeting meeting, ExecutorService control)
      throws TransportException {
    return f.ds.subscribe(meeting.id(), meeting.nextSequence(), envelope -> control.execute(() -> {
      try {
        meeting.process(envelope.bytes());
      } catch (SealmeetException e) {
        try {
          meeting.poll();
        } catch (TransportException | StorageException ignored) {
          // in-process, no store: never
        }
      }
    }));
  }

  @Test
  void controlThreadsAndMediaThreads_carryEveryFrameAcrossKeyChanges() throws Exception {
    Meeting host = on(hostControl, () -> Meeting.open(f.client("host"), f.ds));
    LobbyGuest guest = LobbyGuest.enter(f.client("ann"), f.ds, on(hostControl, host::invitation));
    on(hostControl, () -> {
      host.admit("ann");
      return null;
    });
    Meeting ann = on(annControl, () -> guest.poll().orElseThrow());
    Subscription hostPushes = on(hostControl, () -> subscribe(host, hostControl));
    Subscription annPushes = on(annControl, () -> subscribe(ann, annControl));

    BlockingQueue<byte[]> sfu = new LinkedBlockingQueue<>();
    Set<Integer> decoded = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    Future<?> encoder = media.submit(() -> {
      for (int i = 0; i < FRAMES; i++) {
        byte[] frame = ByteBuffer.allocate(64).putInt(i).array();
        sfu.add(host.media().protect(new byte[0], frame));
        Thread.sleep(2);
      }
      sending.set(false);
      return null;
    });
    Future<?> decoder = media.submit(() -> {
      while (decoded.size() < FRAMES) {
        byte[] sframe = sfu.poll(10, TimeUnit.MILLISECONDS);
        if (sframe != null) {
          ann.media().receive(new byte[0], sframe)
              .ifPresent(frame -> decoded.add(ByteBuffer.wrap(frame.payload()).getInt()));
        }
        ann.media().drainReleased()
            .forEach(frame -> decoded.add(ByteBuffer.wrap(frame.payload()).getInt()));
      }
      return null;
    });
    for (int change = 0; change < 2; change++) {
      on(hostControl, () -> {
        host.update();
        return null;
      });
      Thread.sleep(150);
    }
    encoder.get(60, TimeUnit.SECONDS);
    decoder.get(60, TimeUnit.SECONDS);

    assertThat(decoded).hasSize(FRAMES);
    assertThat(on(annControl, ann::epoch)).isEqualTo(on(hostControl, host::epoch)).isEqualTo(3);
    assertThat(ann.media().stats().rejectedAuthentication()).isZero();
    hostPushes.cancel();
    annPushes.cancel();
  }
}
