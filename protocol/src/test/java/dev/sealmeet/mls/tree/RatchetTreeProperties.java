package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.Node;
import dev.sealmeet.mls.message.RatchetTreeExtension;
import dev.sealmeet.crypto.testing.Gens;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.quicktheories.generators.Generate;

/**
 * Hostile input for the ratchet tree: arbitrary bytes decode to a tree or fail with a typed
 * exception, and any one-byte change to an official tree (tree-validation.json case 13) is rejected
 * by joiner validation (RFC 9420 §12.4.3.1), both against the vector's tree hash and against the
 * changed tree's own, so that the checks after the tree hash see hostile input too.
 */
class RatchetTreeProperties {
  private static final TreeVectors.Case VECTOR = TreeVectors.validationCase(13);
  private static final MlsSuite SUITE = suite1();
  /** {@code [start, end)} of the vector's length prefix, then of each {@code optional<Node>}. */
  private static final List<int[]> PARTS = parts(VECTOR.tree());

  /** The validation step that rejected a changed tree, in the order {@code validate} runs them. */
  enum Check {
    /** Not a well-formed node list, or not a well-shaped tree (§12.4.3.3). */
    DECODE,
    /** A leaf's signature over LeafNodeTBS (§7.3). */
    LEAF_SIGNATURE,
    /** A leaf's extensions or credential type against the capabilities (§7.3). */
    LEAF_CAPABILITIES,
    /** The unmerged leaves of a parent (§12.4.3.1). */
    UNMERGED_LEAVES,
    /** Distinct encryption and signature keys (§7.3, §12.4.3.1). */
    KEY_UNIQUENESS,
    /** Parent-hash validity of every parent node (§7.9.2). */
    PARENT_HASH
  }

  private static MlsSuite suite1() {
    try {
      return MlsSuite.of(VECTOR.suite(), new SecureRandom());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<int[]> parts(byte[] tree) {
    List<Optional<Node>> nodes;
    try {
      nodes = TlsReader.decodeExactly(tree, RatchetTreeExtension::decode).nodes();
    } catch (DecodeException e) {
      throw new AssertionError(e);
    }
    int total = 0;
    List<Integer> lengths = new ArrayList<>();
    for (Optional<Node> node : nodes) {
      int length = 1 + node.map(n -> n.toBytes().length).orElse(0);
      lengths.add(length);
      total += length;
    }
    List<int[]> parts = new ArrayList<>();
    int start = tree.length - total;
    parts.add(new int[] {0, start});
    for (int length : lengths) {
      parts.add(new int[] {start, start + length});
      start += length;
    }
    return parts;
  }

  @Test
  void decode_arbitraryBytes_givesTreeOrTypedException() {
    qt().withExamples(300)
        .forAll(Gens.bytes(200))
        .checkAssert(bytes -> {
          try {
            RatchetTree tree = RatchetTree.decode(bytes);
            assertThat(RatchetTree.decode(tree.encode())).isEqualTo(tree);
          } catch (DecodeException | ProtocolException expected) {
            // typed rejection
          }
        });
  }

  /**
   * The changed byte is drawn as one part of the encoding (the length prefix or one node) and an
   * offset in it: half the time anywhere in the part, half the time in its last 16 bytes. So the
   * small parent nodes are hit as often as the large leaves, and their last field, the unmerged
   * leaves that only a few bytes carry, often enough that its check fires in every run. Every byte
   * can still be drawn. The count per check is published as a report entry. A one-byte change
   * cannot make two keys equal, so key uniqueness is left to {@code RatchetTreeValidationTest}.
   */
  @Test
  void validate_oneByteChanged_isRejectedAndEveryCheckFires(TestReporter reporter) {
    Map<Check, Integer> fired = new EnumMap<>(Check.class);
    qt().withExamples(1000)
        .forAll(Gens.ints(0, PARTS.size() - 1),
            Generate.oneOf(Gens.nonNegativeInts(), Gens.ints(-16, -1)), Gens.ints(1, 255))
        .checkAssert((part, offset, delta) -> {
          int[] range = PARTS.get(part);
          int length = range[1] - range[0];
          int at = offset >= 0 ? range[0] + offset % length : range[1] + Math.max(offset, -length);
          byte[] bytes = VECTOR.tree().clone();
          bytes[at] = (byte) (bytes[at] + delta);
          Check check = rejectedBy(bytes);
          fired.merge(check, 1, Integer::sum);
        });
    reporter.publishEntry("rejections per check", fired.toString());
    assertThat(fired).as("checks that rejected a changed tree: %s", fired)
        .containsKeys(Check.DECODE, Check.LEAF_SIGNATURE, Check.UNMERGED_LEAVES,
            Check.PARENT_HASH);
  }

  /**
   * Asserts that {@code bytes} are rejected against the vector's tree hash and against their own,
   * and names the check of {@link TreeValidator#validate} that rejects them against their own.
   */
  private static Check rejectedBy(byte[] bytes) {
    TreeValidator validator = new TreeValidator(SUITE);
    byte[] vectorHash = VECTOR.treeHashes().get(7);
    assertThatThrownBy(() -> validator.validate(RatchetTree.decode(bytes), VECTOR.groupId(),
        vectorHash))
        .isInstanceOfAny(DecodeException.class, ProtocolException.class);
    RatchetTree tree;
    try {
      tree = RatchetTree.decode(bytes);
    } catch (DecodeException | ProtocolException e) {
      return Check.DECODE;
    }
    byte[] ownHash = new TreeHashes(SUITE).rootHash(tree);
    try {
      validator.validate(tree, VECTOR.groupId(), ownHash);
    } catch (ProtocolException e) {
      return classify(e);
    }
    throw new AssertionError("changed tree accepted: " + Gens.hex(bytes));
  }

  /** The check that threw {@code e}, told by its RFC section and message. */
  private static Check classify(ProtocolException e) {
    String message = e.getMessage();
    if (e.section().endsWith("§7.9.2")) {
      return Check.PARENT_HASH;
    } else if (message.contains("signature of leaf")) {
      return Check.LEAF_SIGNATURE;
    } else if (message.contains(" share ")) {
      return Check.KEY_UNIQUENESS;
    } else if (e.section().endsWith("§7.3")) {
      return Check.LEAF_CAPABILITIES;
    } else if (message.contains("unmerged leaf")) {
      return Check.UNMERGED_LEAVES;
    }
    throw new AssertionError("rejected by no known check of the changed tree: " + message, e);
  }
}
