package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.codec.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The copy-free key comparisons of {@link LeafNode} (used by the key-uniqueness scans of RFC 9420
 * §7.3) and the encoding of {@link Capabilities}' uint16 vectors.
 */
class LeafNodeKeysTest {

  private static LeafNode leaf(byte[] encryptionKey, byte[] signatureKey) {
    return new LeafNode(encryptionKey, signatureKey, new BasicCredential(new byte[] {3}),
        new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(1)),
        LeafNodeSource.UPDATE, Optional.empty(), Optional.empty(), List.of(), new byte[] {5});
  }

  @Test
  void sameEncryptionKey_comparesContentOnly() {
    LeafNode a = leaf(new byte[] {1, 2}, new byte[] {9});
    assertThat(a.sameEncryptionKey(leaf(new byte[] {1, 2}, new byte[] {8}))).isTrue();
    assertThat(a.sameEncryptionKey(leaf(new byte[] {1, 3}, new byte[] {9}))).isFalse();
    assertThat(a.sameEncryptionKey(leaf(new byte[] {1}, new byte[] {9}))).isFalse();
    assertThat(a.sameEncryptionKey(leaf(new byte[] {9}, new byte[] {1, 2}))).isFalse();
    assertThat(a.sameEncryptionKey(a)).isTrue();
  }

  @Test
  void sameSignatureKey_comparesContentOnly() {
    LeafNode a = leaf(new byte[] {9}, new byte[] {1, 2});
    assertThat(a.sameSignatureKey(leaf(new byte[] {8}, new byte[] {1, 2}))).isTrue();
    assertThat(a.sameSignatureKey(leaf(new byte[] {9}, new byte[] {1, 3}))).isFalse();
    assertThat(a.sameSignatureKey(leaf(new byte[] {9}, new byte[] {1, 2, 0}))).isFalse();
    assertThat(a.sameSignatureKey(leaf(new byte[] {1, 2}, new byte[] {9}))).isFalse();
  }

  @Test
  void hasSignatureKey_comparesWithoutKeepingOrChangingTheArgument() {
    byte[] key = {4, 5, 6};
    LeafNode a = leaf(new byte[] {1}, key.clone());
    assertThat(a.hasSignatureKey(key)).isTrue();
    assertThat(a.hasSignatureKey(new byte[] {4, 5})).isFalse();
    assertThat(a.hasSignatureKey(new byte[] {1})).isFalse();
    assertThat(key).containsExactly(4, 5, 6);
    key[0] = 0;
    assertThat(a.hasSignatureKey(new byte[] {4, 5, 6})).isTrue();
    assertThat(a.signatureKey()).containsExactly(4, 5, 6);
    assertThatThrownBy(() -> a.hasSignatureKey(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void capabilities_encodeAsGenericUint16Vectors() {
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // 82 bytes with the entry below: a two-byte varint length
      many.add(i * 1637 % 0x10000);
    }
    many.add(0xffff);
    List<List<Integer>> lists =
        List.of(List.of(), List.of(1), List.of(0, 0xffff, 0x0a0a), many, List.of(2, 3));
    Capabilities caps =
        new Capabilities(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4));
    TlsWriter expected = new TlsWriter(1);
    for (List<Integer> list : lists) {
      expected.writeList(list, TlsWriter::writeUint16);
    }
    assertThat(caps.toBytes()).isEqualTo(expected.toByteArray());
    int fourthLength = 1 + (1 + 2) + (1 + 6); // after the first three vectors
    assertThat(caps.toBytes()[fourthLength]).isEqualTo((byte) 0x40);
    assertThat(caps.toBytes()[fourthLength + 1]).isEqualTo((byte) 82);
  }
}
