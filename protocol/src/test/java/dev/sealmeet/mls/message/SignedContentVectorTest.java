package dev.sealmeet.mls.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.vectors.VectorRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * Independent check of the to-be-signed encodings: the Ed25519 suites (1 and 3) of the official
 * vectors carry real signatures, so {@code LeafNodeTBS} (RFC 9420 §7.2, with group id and leaf index
 * for commit and update leaves) and {@code KeyPackageTBS} (§10) must verify under SignWithLabel
 * (§5.1.2) with BouncyCastle's Ed25519.
 */
class SignedContentVectorTest {
  private static boolean verify(byte[] publicKey, String label, byte[] content, byte[] signature) {
    byte[] signContent = new TlsWriter()
        .writeOpaque(("MLS 1.0 " + label).getBytes(StandardCharsets.US_ASCII))
        .writeOpaque(content)
        .toByteArray();
    return publicKey.length == Ed25519.PUBLIC_KEY_SIZE
        && signature.length == Ed25519.SIGNATURE_SIZE
        && Ed25519.verify(signature, 0, publicKey, 0, signContent, 0, signContent.length);
  }

  /** (cipher_suite, fields...) of each case, read with patterns (the files are regular). */
  private static List<String[]> cases(String file, String... fields) throws IOException {
    String text = Files.readString(VectorRoot.official().resolve("mls").resolve(file));
    List<List<String>> columns = new ArrayList<>();
    Matcher suites = Pattern.compile("\"cipher_suite\"\\s*:\\s*(\\d+)").matcher(text);
    List<String> suiteColumn = new ArrayList<>();
    while (suites.find()) {
      suiteColumn.add(suites.group(1));
    }
    columns.add(suiteColumn);
    for (String field : fields) {
      Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([0-9a-f]*)\"").matcher(text);
      List<String> column = new ArrayList<>();
      while (m.find()) {
        column.add(m.group(1));
      }
      assertThat(column).hasSameSizeAs(suiteColumn);
      columns.add(column);
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < suiteColumn.size(); i++) {
      String[] row = new String[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = columns.get(c).get(i);
      }
      out.add(row);
    }
    return out;
  }

  private static boolean ed25519(String suite) {
    return suite.equals("1") || suite.equals("3");
  }

  @Test
  void leafNodeTbs_treeValidationLeaves_verify() throws IOException, DecodeException {
    int checked = 0;
    for (String[] c : cases("tree-validation.json", "tree", "group_id")) {
      if (!ed25519(c[0])) {
        continue;
      }
      byte[] groupId = HexFormat.of().parseHex(c[2]);
      RatchetTreeExtension tree =
          TlsReader.decodeExactly(HexFormat.of().parseHex(c[1]), RatchetTreeExtension::decode);
      for (int node = 0; node < tree.nodes().size(); node += 2) {
        Optional<Node> n = tree.nodes().get(node);
        if (n.isEmpty()) {
          continue;
        }
        LeafNode leaf = ((Node.Leaf) n.get()).leafNode();
        assertThat(verify(leaf.signatureKey(), "LeafNodeTBS", leaf.toBeSigned(groupId, node / 2),
            leaf.signature())).as("suite %s leaf %d (%s)", c[0], node / 2, leaf.source()).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void keyPackageTbs_welcomeKeyPackages_verify() throws IOException, DecodeException {
    int checked = 0;
    for (String[] c : cases("welcome.json", "key_package")) {
      if (!ed25519(c[0])) {
        continue;
      }
      KeyPackage kp = (KeyPackage) MlsMessage.fromBytes(HexFormat.of().parseHex(c[1])).body();
      LeafNode leaf = kp.leafNode();
      assertThat(verify(leaf.signatureKey(), "KeyPackageTBS", kp.toBeSigned(), kp.signature()))
          .isTrue();
      assertThat(verify(leaf.signatureKey(), "LeafNodeTBS", leaf.toBeSigned(null, 0),
          leaf.signature())).isTrue();
      byte[] tampered = kp.toBeSigned();
      tampered[tampered.length - 1] ^= 1;
      assertThat(verify(leaf.signatureKey(), "KeyPackageTBS", tampered, kp.signature())).isFalse();
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }

  @Test
  void framedContentTbs_messageProtectionPublicMessages_verify() throws IOException, DecodeException {
    String text = Files.readString(VectorRoot.official().resolve("mls/message-protection.json"));
    List<String> epochs = new ArrayList<>();
    Matcher m = Pattern.compile("\"epoch\"\\s*:\\s*(\\d+)").matcher(text);
    while (m.find()) {
      epochs.add(m.group(1));
    }
    List<String[]> rows = cases("message-protection.json", "group_id", "tree_hash",
        "confirmed_transcript_hash", "signature_pub", "proposal_pub", "commit_pub");
    int checked = 0;
    for (int i = 0; i < rows.size(); i++) {
      String[] c = rows.get(i);
      if (!ed25519(c[0])) {
        continue;
      }
      HexFormat hex = HexFormat.of();
      GroupContext context = new GroupContext(ProtocolVersion.MLS10, Integer.parseInt(c[0]),
          hex.parseHex(c[1]), Long.parseLong(epochs.get(i)), hex.parseHex(c[2]), hex.parseHex(c[3]),
          List.of());
      for (String pub : new String[] {c[5], c[6]}) {
        PublicMessage pm = (PublicMessage) MlsMessage.fromBytes(hex.parseHex(pub)).body();
        AuthenticatedContent ac = pm.toAuthenticatedContent();
        assertThat(verify(hex.parseHex(c[4]), "FramedContentTBS", ac.toBeSigned(context),
            ac.auth().signature())).as("suite %s %s", c[0], pm.content().contentType()).isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4);
  }
}
