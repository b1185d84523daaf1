package dev.sealmeet.mls.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.ProtocolException;
import dev.sealmeet.mls.crypto.MlsSuite;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input for the ratchet tree: arbitrary bytes decode to a tree or fail with a typed
 * exception, and any one-byte change to an official tree (tree-validation.json case 13) is rejected
 * by joiner validation against the vector's tree hash (RFC 9420 §12.4.3.1).
 */
class RatchetTreeProperties {
  private static final TreeVectors.Case VECTOR = TreeVectors.validationCase(13);

  @Property(tries = 300)
  void decode_arbitraryBytes_givesTreeOrTypedException(@ForAll @Size(max = 200) byte[] bytes) {
    try {
      RatchetTree tree = RatchetTree.decode(bytes);
      assertThat(RatchetTree.decode(tree.encode())).isEqualTo(tree);
    } catch (DecodeException | ProtocolException expected) {
      // typed rejection
    }
  }

  @Property(tries = 200)
  void validate_oneByteChanged_isRejected(@ForAll @IntRange(min = 0) int position,
      @ForAll @IntRange(min = 1, max = 255) int delta) throws Exception {
    byte[] bytes = VECTOR.tree().clone();
    int at = position % bytes.length;
    bytes[at] = (byte) (bytes[at] + delta);
    MlsSuite suite = MlsSuite.of(1, new SecureRandom());
    byte[] rootHash = VECTOR.treeHashes().get(7);
    assertThatThrownBy(() -> new TreeValidator(suite).validate(RatchetTree.decode(bytes),
        VECTOR.groupId(), rootHash))
        .isInstanceOfAny(DecodeException.class, ProtocolException.class);
  }
}
