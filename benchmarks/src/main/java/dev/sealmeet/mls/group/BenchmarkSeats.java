package dev.sealmeet.mls.group;

import dev.sealmeet.error.SealmeetException;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The benchmark module's door to the protocol's package-private simulation aids {@link
 * CommittedTree} and {@link SeatedMember}: it lives in the benchmark module, in the protocol's
 * package, and works only on the class path (as the shaded benchmark jar runs), never through
 * the protocol's module. <b>For benchmarks only.</b>
 */
public final class BenchmarkSeats {
  private BenchmarkSeats() {}

  /**
   * The committing leaves and their order; see {@link CommittedTree#order}.
   *
   * @param members the number of members
   * @param fraction the fraction of members that commit, in (0, 1]
   * @param seed the seed of the random choice when {@code fraction} is below 1
   */
  public static List<Long> order(int members, double fraction, long seed) {
    return CommittedTree.order(members, fraction, seed);
  }

  /**
   * Has each leaf of {@code order} commit once with a path, the viewpoint processing every
   * commit; see {@link CommittedTree#replay}.
   *
   * @return the member at {@code keep}, current with the viewpoint, or null if {@code keep} is −1
   *     or the viewpoint's own leaf
   * @throws SealmeetException if a commit fails
   */
  public static MlsGroup replay(MlsGroup viewpoint, LongFunction<SigningIdentity> identities,
      LongFunction<KeyPackageBundle> keyPackages, List<Long> order, long keep, GroupConfig config)
      throws SealmeetException {
    return CommittedTree.replay(viewpoint, identities, keyPackages, order, keep, config);
  }

  /** The signing identity {@code group} signs with (to save it beside the group's state). */
  public static SigningIdentity identity(MlsGroup group) {
    return group.identity();
  }
}
