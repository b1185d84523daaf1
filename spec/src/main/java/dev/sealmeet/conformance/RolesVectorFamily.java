package dev.sealmeet.conformance;

import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.meeting.Role;
import dev.sealmeet.meeting.Roles;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.X509Credential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code roles-extension.json}: the {@code sealmeet_roles} GroupContext extension of spec §3.1.
 * Each valid case builds its role map with {@link Roles} and must give the exact {@code
 * extension_data} and whole {@code Extension} bytes, and decode back to the same map; each
 * invalid case's {@code extension_data} must be refused with a {@link DecodeException}
 * [SM-ROLE-1].
 */
public final class RolesVectorFamily implements VectorFamily {
  @Override
  public String name() {
    return "meeting/roles-extension";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("roles-extension.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    List<CaseResult> out = new ArrayList<>();
    List<JsonNode> valid = content.get("valid").elements();
    for (int i = 0; i < valid.size(); i++) {
      String name = "valid / case " + i;
      try {
        List<String> bad = checkValid(content.integer("extension_type"), valid.get(i));
        out.add(bad.isEmpty() ? CaseResult.passed(name)
            : CaseResult.failed(name, "mismatch in " + String.join(", ", bad)));
      } catch (DecodeException | RuntimeException e) {
        out.add(CaseResult.failed(name, e));
      }
    }
    List<JsonNode> invalid = content.get("invalid").elements();
    for (int i = 0; i < invalid.size(); i++) {
      String name = "invalid / case " + i;
      try {
        Optional<Roles> decoded = Roles.in(List.of(new Extension(
            content.integer("extension_type"), invalid.get(i).hex("extension_data"))));
        out.add(CaseResult.failed(name, "accepted, decoded to " + decoded.orElse(null)
            + ", but it breaks " + invalid.get(i).string("rule") + ": "
            + invalid.get(i).string("name")));
      } catch (DecodeException expected) {
        out.add(CaseResult.passed(name));
      } catch (RuntimeException e) {
        out.add(CaseResult.failed(name, e));
      }
    }
    return out;
  }

  private static List<String> checkValid(int type, JsonNode c) throws DecodeException {
    if (type != Roles.EXTENSION_TYPE) {
      return List.of("extension_type");
    }
    List<String> bad = new ArrayList<>();
    Roles roles = null;
    List<JsonNode> entries = c.get("entries").elements();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      Credential credential = credential(e);
      if (!Arrays.equals(credential.toBytes(), e.hex("credential"))) {
        bad.add("entries[" + i + "].credential");
      }
      Role role = role(e.integer("role"));
      roles = roles == null ? Roles.withHost(credential).with(credential, role)
          : roles.with(credential, role);
    }
    if (roles == null) {
      Credential nobody = new BasicCredential(new byte[] {0});
      roles = Roles.withHost(nobody).with(nobody, Role.PARTICIPANT);
    }
    Extension extension = roles.toExtension();
    if (!Arrays.equals(extension.extensionData(), c.hex("extension_data"))) {
      bad.add("extension_data");
    }
    if (!Arrays.equals(extension.toBytes(), c.hex("extension"))) {
      bad.add("extension");
    }
    Optional<Roles> decoded = Roles.in(List.of(new Extension(type, c.hex("extension_data"))));
    if (!decoded.equals(Optional.of(roles))) {
      bad.add("decoded roles");
    }
    return bad;
  }

  private static Credential credential(JsonNode e) {
    switch (e.integer("credential_type")) {
      case Credential.BASIC:
        return new BasicCredential(e.hex("identity"));
      case Credential.X509:
        List<byte[]> chain = new ArrayList<>();
        e.get("certificates").elements().forEach(c -> chain.add(c.asHex()));
        return new X509Credential(chain);
      default:
        throw new IllegalArgumentException("credential_type " + e.integer("credential_type"));
    }
  }

  private static Role role(int code) {
    for (Role r : Role.values()) {
      if (r.code() == code) {
        return r;
      }
    }
    throw new IllegalArgumentException("role " + code);
  }
}
