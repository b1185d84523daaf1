package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.CommitResult;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire sizes the post-quantum table prints beside the times: a KeyPackage, and per group size
 * the {@code add} commit, its Welcome (the ratchet tree inside) and the {@code update} commit, each
 * as the encoded MLSMessage, built exactly as the benchmarks build them. Sizes do not depend on
 * timing, so they are computed once here rather than counted by JMH.
 */
final class PqSizes {
  private PqSizes() {}

  /**
   * Sizes in bytes for the suite at {@code codePoint}, keyed {@code "KeyPackage/-"}, {@code
   * "add commit/N"}, {@code "Welcome/N"} and {@code "update commit/N"}.
   */
  static Map<String, Integer> of(int codePoint, List<Integer> members) throws SealmeetException {
    SealmeetGroupFixture fixture = new SealmeetGroupFixture(codePoint);
    Map<String, Integer> sizes = new LinkedHashMap<>();
    SealmeetGroupFixture.Client joiner = fixture.newClient("joiner");
    sizes.put("KeyPackage/-", MlsMessage.of(joiner.keyPackage().keyPackage()).toBytes().length);
    for (int n : members) {
      MlsGroup group = fixture.grow(n).creator;
      CommitResult add = group.commit(SealmeetGroupFixture.request("add", joiner, 1, 1));
      sizes.put("add commit/" + n, add.commit().toBytes().length);
      sizes.put("Welcome/" + n, add.welcome().orElseThrow().toBytes().length);
      group.discardPendingCommit();
      CommitResult update = group.commit(SealmeetGroupFixture.request("update", joiner, 1, 2));
      sizes.put("update commit/" + n, update.commit().toBytes().length);
      group.discardPendingCommit();
      group.close();
    }
    return sizes;
  }
}
