package dev.sealmeet.testing;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.quicktheories.api.QuadConsumer;
import org.quicktheories.api.TriConsumer;

/**
 * Property bodies that may throw checked exceptions, adapted to the consumers QuickTheories'
 * {@code checkAssert} takes. A checked exception escaping a body falsifies the property (wrapped in
 * an {@link AssertionError} that keeps it as the cause); unchecked ones pass through unchanged.
 */
public final class Checked {
  private Checked() {}

  /** A property body over one value. */
  @FunctionalInterface
  public interface Body1<A> {
    /** Runs the body; any exception falsifies the property. */
    void accept(A a) throws Exception;
  }

  /** A property body over two values. */
  @FunctionalInterface
  public interface Body2<A, B> {
    /** Runs the body; any exception falsifies the property. */
    void accept(A a, B b) throws Exception;
  }

  /** A property body over three values. */
  @FunctionalInterface
  public interface Body3<A, B, C> {
    /** Runs the body; any exception falsifies the property. */
    void accept(A a, B b, C c) throws Exception;
  }

  /** A property body over four values. */
  @FunctionalInterface
  public interface Body4<A, B, C, D> {
    /** Runs the body; any exception falsifies the property. */
    void accept(A a, B b, C c, D d) throws Exception;
  }

  /** {@code body} as a {@link Consumer}. */
  public static <A> Consumer<A> of(Body1<A> body) {
    return a -> run(() -> body.accept(a));
  }

  /** {@code body} as a {@link BiConsumer}. */
  public static <A, B> BiConsumer<A, B> of(Body2<A, B> body) {
    return (a, b) -> run(() -> body.accept(a, b));
  }

  /** {@code body} as a {@link TriConsumer}. */
  public static <A, B, C> TriConsumer<A, B, C> of(Body3<A, B, C> body) {
    return (a, b, c) -> run(() -> body.accept(a, b, c));
  }

  /** {@code body} as a {@link QuadConsumer}. */
  public static <A, B, C, D> QuadConsumer<A, B, C, D> of(Body4<A, B, C, D> body) {
    return (a, b, c, d) -> run(() -> body.accept(a, b, c, d));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void run(Action action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
  }
}
