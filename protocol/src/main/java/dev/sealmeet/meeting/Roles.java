package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import dev.sealmeet.protocol.internal.Hex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The meeting's roles as a GroupContext extension (RFC 9420 §13.3, private-use type {@link
 * #EXTENSION_TYPE}), so that they are part of the group state every member agrees on. Members are
 * named by their credential's encoding; a member not listed is a {@link Role#PARTICIPANT}.
 *
 * <pre>
 * struct { opaque credential&lt;V&gt;; uint8 role; } RoleEntry;
 * RoleEntry roles&lt;V&gt;;            // sorted by credential, no duplicates
 * </pre>
 */
public final class Roles {
  /** The extension type, from the private-use range of RFC 9420 §17.3. */
  public static final int EXTENSION_TYPE = 0xF0A0;

  /** Most entries a roles extension may hold. */
  public static final int MAX_ENTRIES = 4096;

  private final TreeMap<String, Role> byCredential;

  private Roles(Map<String, Role> byCredential) {
    this.byCredential = new TreeMap<>(byCredential);
  }

  /** Roles with {@code host} as the only host. */
  public static Roles withHost(Credential host) {
    return new Roles(Map.of(key(host), Role.HOST));
  }

  private static String key(Credential credential) {
    return Hex.encode(credential.toBytes());
  }

  /** The role of the member presenting {@code credential}. */
  public Role roleOf(Credential credential) {
    return byCredential.getOrDefault(key(credential), Role.PARTICIPANT);
  }

  /** These roles with {@code credential} given {@code role} (participant: the entry is dropped). */
  public Roles with(Credential credential, Role role) {
    TreeMap<String, Role> next = new TreeMap<>(byCredential);
    if (role == Role.PARTICIPANT) {
      next.remove(key(credential));
    } else {
      next.put(key(credential), role);
    }
    return new Roles(next);
  }

  /** The number of explicit (non-participant) entries. */
  public int size() {
    return byCredential.size();
  }

  /** Whether some listed credential is a host. */
  public boolean hasHost() {
    return byCredential.containsValue(Role.HOST);
  }

  Map<String, Role> entries() {
    return Collections.unmodifiableMap(byCredential);
  }

  /** These roles as a GroupContext extension. */
  public Extension toExtension() {
    TlsWriter writer = new TlsWriter();
    writer.writeList(byCredential.entrySet(), (w, e) -> {
      w.writeOpaque(Hex.decode(e.getKey()));
      w.writeUint8(e.getValue().code());
    });
    return new Extension(EXTENSION_TYPE, writer.toByteArray());
  }

  /** {@code extensions} with the roles extension replaced by these roles, the others kept. */
  public List<Extension> replaceIn(List<Extension> extensions) {
    List<Extension> out = new ArrayList<>();
    for (Extension extension : extensions) {
      out.add(extension.extensionType() == EXTENSION_TYPE ? toExtension() : extension);
    }
    return out;
  }

  /**
   * The roles in {@code extensions}, if the extension is there.
   *
   * @throws DecodeException if its data is malformed: bad lengths, unknown role, duplicate or
   *     unsorted entries, too many entries, or trailing bytes
   */
  public static Optional<Roles> in(List<Extension> extensions) throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, EXTENSION_TYPE);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<Map.Entry<String, Role>> list = TlsReader.decodeExactly(found.get().extensionData(),
        reader -> reader.readList(r -> {
          String credential = Hex.encode(r.readOpaque());
          int code = r.readUint8();
          Role role = Role.ofCode(code);
          if (role == null || role == Role.PARTICIPANT) {
            throw new DecodeException("roles extension: role code " + code
                + " is not 2 (moderator) or 3 (host)");
          }
          return Map.entry(credential, role);
        }));
    if (list.size() > MAX_ENTRIES) {
      throw new DecodeException("roles extension: " + list.size() + " entries, at most "
          + MAX_ENTRIES);
    }
    TreeMap<String, Role> map = new TreeMap<>();
    String previous = null;
    for (Map.Entry<String, Role> e : list) {
      if (previous != null && previous.compareTo(e.getKey()) >= 0) {
        throw new DecodeException("roles extension: entries are not sorted and unique");
      }
      previous = e.getKey();
      map.put(e.getKey(), e.getValue());
    }
    return Optional.of(new Roles(map));
  }

  /** Equal when the same credentials have the same roles. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Roles r && r.byCredential.equals(byCredential);
  }

  @Override
  public int hashCode() {
    return byCredential.hashCode();
  }

  /** Counts only: identities stay out of logs. */
  @Override
  public String toString() {
    long hosts = byCredential.values().stream().filter(r -> r == Role.HOST).count();
    return "Roles[" + hosts + " hosts, " + (byCredential.size() - hosts) + " moderators]";
  }
}
