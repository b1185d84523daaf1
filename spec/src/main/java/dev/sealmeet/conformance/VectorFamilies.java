package dev.sealmeet.conformance;

import java.util.List;

/** The registry of every vector family this build can run, in recognition order. */
public final class VectorFamilies {
  private VectorFamilies() {}

  /** Every family, most specific first. */
  public static List<VectorFamily> all() {
    return List.of(
        // One line per family; keep this list sorted by family name.
        new MlsPendingFamily(),
        new SframeFamily());
  }
}
