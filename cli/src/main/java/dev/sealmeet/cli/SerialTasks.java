package dev.sealmeet.cli;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in order, on a shared pool: the members of one load-test meeting are
 * driven by one such queue (a {@code Meeting} is used by one thread at a time), while many
 * meetings share the pool's few threads.
 */
final class SerialTasks implements Executor {
  /** Tasks run per turn before the pool's other queues get theirs. */
  private static final int TURN = 32;

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  SerialTasks(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < TURN; i++) {
        Runnable task = tasks.poll();
        if (task == null) {
          break;
        }
        task.run();
      }
    } finally {
      scheduled.set(false);
      if (!tasks.isEmpty()) {
        schedule();
      }
    }
  }
}
