package dev.sealmeet.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * The demo's media relay (an SFU): forwards each SFrame ciphertext to every other connected
 * participant after a seeded delay, on the demo's virtual clock, and records every frame. It holds
 * no key; a participant is connected from when it joins until the meeting removes it.
 */
final class MediaRelay {
  /** One forwarded frame: its id (in the payload), sender, send epoch and ciphertext. */
  record Frame(long id, String from, long epoch, byte[] sframe) {}

  /** A frame due at {@code at} for {@code to}. */
  record Delivery(long at, long order, String to, Frame frame) {}

  private final Random random;
  private final long minNanos;
  private final long spanNanos;
  private final Set<String> connected = new LinkedHashSet<>();
  private final PriorityQueue<Delivery> queue = new PriorityQueue<>((a, b) -> a.at() != b.at()
      ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
  final List<Frame> recorded = new ArrayList<>();
  private long order;

  MediaRelay(Random random, long minNanos, long maxNanos) {
    this.random = random;
    this.minNanos = minNanos;
    this.spanNanos = maxNanos - minNanos;
  }

  void connect(String account) {
    connected.add(account);
  }

  void disconnect(String account) {
    connected.remove(account);
  }

  /** Records {@code frame} and schedules it for every other connected participant. */
  void send(Frame frame, long now) {
    if (!connected.contains(frame.from())) {
      return;
    }
    recorded.add(frame);
    for (String to : connected) {
      if (!to.equals(frame.from())) {
        queue.add(new Delivery(now + minNanos + (long) (random.nextDouble() * spanNanos), order++,
            to, frame));
      }
    }
  }

  /** The deliveries due at {@code now} for connected participants, in time order. */
  List<Delivery> due(long now) {
    List<Delivery> out = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().at() <= now) {
      Delivery d = queue.poll();
      if (connected.contains(d.to())) {
        out.add(d);
      }
    }
    return out;
  }
}
