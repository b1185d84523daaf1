package dev.sealmeet.conformance;

import dev.sealmeet.meeting.Role;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.X509Credential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code spec/vectors/meeting-more/roles-extension.json}: role maps and the exact {@code
 * extension_data} of the {@code sealmeet_roles} extension (spec §3.1), computed with {@link Roles};
 * then encodings a decoder MUST reject [SM-ROLE-1], built byte by byte here, each naming what it
 * breaks. Regenerate with {@code -Dsealmeet.regenerate=true} (see {@link MeetingMoreVectorsTest}).
 */
final class RolesVectorGenerator {
  static final Path FILE = Path.of("vectors", "meeting-more", "roles-extension.json");
  private static final HexFormat HEX = HexFormat.of();

  private RolesVectorGenerator() {}

  private record Entry(Credential credential, Role role) {}

  /** The file's content. */
  static String generate() {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("extension_type", (long) Roles.EXTENSION_TYPE);
    file.put("max_entries", (long) Roles.MAX_ENTRIES);
    List<Object> valid = new ArrayList<>();
    valid.add(valid("one host", List.of(new Entry(basic("alice"), Role.HOST))));
    valid.add(valid("bob sorts before alice: the identity's length comes first",
        List.of(new Entry(basic("alice"), Role.HOST), new Entry(basic("bob"), Role.MODERATOR))));
    valid.add(valid("an X.509 credential sorts after every basic one (credential_type 2)",
        List.of(new Entry(x509(), Role.HOST), new Entry(basic("carol"), Role.MODERATOR))));
    valid.add(valid("several roles; a 70-byte identity has a 2-byte length and sorts last",
        List.of(new Entry(basic("dave"), Role.HOST), new Entry(basic("a".repeat(70)), Role.HOST),
            new Entry(basic("alice"), Role.MODERATOR), new Entry(basic("bob"), Role.HOST),
            new Entry(basic("eve"), Role.MODERATOR))));
    valid.add(valid("empty: no entries (decodes; a meeting also needs a host, SM-ROLE-6)",
        List.of()));
    file.put("valid", valid);
    file.put("invalid", invalid());
    return VectorJson.render(file);
  }

  static BasicCredential basic(String identity) {
    return new BasicCredential(identity.getBytes(StandardCharsets.US_ASCII));
  }

  /** Two byte strings standing for DER certificates; the roles encoding never parses them. */
  static X509Credential x509() {
    return new X509Credential(List.of(
        Arrays.copyOf(MeetingVectorGenerator.input("roles x509 leaf certificate"), 20),
        Arrays.copyOf(MeetingVectorGenerator.input("roles x509 issuer certificate"), 12)));
  }

  private static Map<String, Object> valid(String name, List<Entry> entries) {
    Roles roles = null;
    List<Object> listed = new ArrayList<>();
    for (Entry e : entries) {
      roles = roles == null ? Roles.withHost(e.credential()).with(e.credential(), e.role())
          : roles.with(e.credential(), e.role());
      Map<String, Object> entry = new LinkedHashMap<>();
      if (e.credential() instanceof BasicCredential b) {
        entry.put("credential_type", 1L);
        entry.put("identity", HEX.formatHex(b.identity()));
      } else {
        entry.put("credential_type", 2L);
        List<Object> certificates = new ArrayList<>();
        ((X509Credential) e.credential()).certificates()
            .forEach(c -> certificates.add(HEX.formatHex(c)));
        entry.put("certificates", certificates);
      }
      entry.put("credential", HEX.formatHex(e.credential().toBytes()));
      entry.put("role", (long) e.role().code());
      listed.add(entry);
    }
    if (roles == null) {
      roles = Roles.withHost(basic("nobody")).with(basic("nobody"), Role.PARTICIPANT);
    }
    Extension extension = roles.toExtension();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("entries", listed);
    out.put("extension_data", HEX.formatHex(extension.extensionData()));
    out.put("extension", HEX.formatHex(extension.toBytes()));
    return out;
  }

  private static List<Object> invalid() {
    byte[] alice = basic("alice").toBytes();
    byte[] bob = basic("bob").toBytes();
    List<Object> out = new ArrayList<>();
    out.add(bad("unsorted: alice before bob", list(entry(alice, 3), entry(bob, 2))));
    out.add(bad("duplicate: bob twice, same role", list(entry(bob, 3), entry(bob, 3))));
    out.add(bad("duplicate: bob twice, different roles", list(entry(bob, 2), entry(bob, 3))));
    out.add(bad("role code 1 (participant) is never listed", list(entry(bob, 1))));
    out.add(bad("unknown role code 0", list(entry(bob, 0))));
    out.add(bad("unknown role code 4", list(entry(bob, 4))));
    out.add(bad("unknown role code 255", list(entry(bob, 255))));
    out.add(bad("trailing byte after the list", concat(list(entry(bob, 3)), new byte[] {0})));
    out.add(bad("no inner list length: the entries without their vector", entry(bob, 3)));
    byte[] good = list(entry(bob, 3));
    byte[] longer = good.clone();
    longer[0]++;
    out.add(bad("list length one more than the bytes that follow", longer));
    byte[] shorter = good.clone();
    shorter[0]--;
    out.add(bad("list length one less: the entry is cut", shorter));
    byte[] credentialTooLong = good.clone();
    credentialTooLong[1] += 2;
    out.add(bad("credential length runs past the entry", credentialTooLong));
    out.add(bad("entry without its role byte", list(opaque(bob))));
    out.add(bad("non-minimal list length: 2-byte varint for 8 (RFC 9420 section 2.1.2)",
        concat(new byte[] {0x40, (byte) (good.length - 1)}, entry(bob, 3))));
    out.add(bad("non-minimal credential length: 2-byte varint for 6",
        list(concat(new byte[] {0x40, (byte) bob.length}, bob, new byte[] {3}))));
    out.add(bad("varint with prefix 11 (RFC 9420 section 2.1.2)",
        new byte[] {(byte) 0xC0, 0, 0, 0, 0, 0, 0, 0}));
    out.add(bad("empty extension_data: not even the list length", new byte[0]));
    out.add(bad(Roles.MAX_ENTRIES + 1 + " entries, sorted and unique", tooMany()));
    return out;
  }

  private static Map<String, Object> bad(String name, byte[] data) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("rule", "SM-ROLE-1");
    out.put("extension_data", HEX.formatHex(data));
    return out;
  }

  private static byte[] tooMany() {
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    for (int i = 0; i <= Roles.MAX_ENTRIES; i++) {
      byte[] identity = {(byte) (i >>> 8), (byte) i};
      entries.writeBytes(entry(new BasicCredential(identity).toBytes(), 2));
    }
    return list(entries.toByteArray());
  }

  private static byte[] entry(byte[] credential, int role) {
    return concat(opaque(credential), new byte[] {(byte) role});
  }

  private static byte[] list(byte[]... entries) {
    return opaque(concat(entries));
  }

  /** {@code opaque<V>}: the minimal varint length (RFC 9420 §2.1.2), then the bytes. */
  private static byte[] opaque(byte[] body) {
    int n = body.length;
    byte[] length = n < 64 ? new byte[] {(byte) n}
        : n < 16384 ? new byte[] {(byte) (0x40 | n >>> 8), (byte) n}
        : new byte[] {(byte) (0x80 | n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    return concat(length, body);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Writes the file (run from the {@code spec} folder). */
  public static void main(String[] args) throws IOException {
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
  }
}
