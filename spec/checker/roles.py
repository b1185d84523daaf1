"""The `sealmeet_roles` GroupContext extension (protocol.md §3.1, [SM-ROLE-1]) and the check of
spec/vectors/meeting-more/roles-extension.json (its README, "roles-extension.json").

Written from protocol.md §3.1 and RFC 9420 §2.1.2 (variable-length integers), §5.3
(Credential) and §7.2 (Extension) only.
"""

import mls
import vectors

ROLE_MODERATOR, ROLE_HOST = 2, 3          # protocol.md §3.1: codes 2 and 3 only appear
CREDENTIAL_BASIC, CREDENTIAL_X509 = 1, 2  # RFC 9420 §5.3 (CredentialType)

TOP_KEYS = {"extension_type", "max_entries", "valid", "invalid"}
VALID_KEYS = {"name", "entries", "extension_data", "extension"}
INVALID_KEYS = {"name", "rule", "extension_data"}
ENTRY_KEYS_BASIC = {"credential_type", "identity", "credential", "role"}
ENTRY_KEYS_X509 = {"credential_type", "certificates", "credential", "role"}
HEX_FIELDS = {"identity", "certificates", "credential", "extension_data", "extension"}
INT_FIELDS = {"extension_type", "max_entries", "credential_type", "role"}
OUTPUT_FIELDS = {"credential", "extension_data", "extension", "rule"}
INFORMATIVE = {"name"}
RULE = "SM-ROLE-1"


class DecodeError(ValueError):
    """The bytes are not a roles extension a decoder may accept ([SM-ROLE-1])."""


def read_varint(data, pos):
    """RFC 9420 §2.1.2: 2-bit prefix 00/01/10 = 1/2/4 bytes; prefix 11 is invalid; a value
    using more bytes than necessary "MUST be treated as malformed". Returns (value, new pos)."""
    if pos >= len(data):
        raise DecodeError("varint missing at byte %d" % pos)
    prefix = data[pos] >> 6
    if prefix == 3:
        raise DecodeError("varint with the reserved prefix 11 (RFC 9420 §2.1.2)")
    n = 1 << prefix
    if pos + n > len(data):
        raise DecodeError("varint cut at byte %d" % pos)
    v = int.from_bytes(data[pos:pos + n], "big") & ((1 << (8 * n - 2)) - 1)
    if mls.encode_varint(v) != bytes(data[pos:pos + n]):
        raise DecodeError("varint %d not minimally encoded (RFC 9420 §2.1.2)" % v)
    return v, pos + n


def encode_credential(credential_type, identity=None, certificates=None):
    """RFC 9420 §5.3 Credential: uint16 credential_type, then basic `opaque identity<V>` or
    x509 `Certificate certificates<V>` with `Certificate { opaque cert_data<V>; }`
    (protocol.md §3.1: "the whole encoded MLS Credential struct")."""
    head = credential_type.to_bytes(2, "big")
    if credential_type == CREDENTIAL_BASIC:
        return head + mls.opaque_v(identity)
    if credential_type == CREDENTIAL_X509:
        return head + mls.opaque_v(b"".join(mls.opaque_v(c) for c in certificates))
    raise ValueError("credential_type %d is neither basic (1) nor x509 (2)" % credential_type)


def encode_roles(role_map):
    """protocol.md §3.1: `RoleEntry roles<V>`, RoleEntry { opaque credential<V>; uint8 role; },
    entries sorted by credential bytes (unsigned bytewise, a prefix first), unique."""
    body = b""
    for cred in sorted(role_map):
        body += mls.opaque_v(cred) + bytes([role_map[cred]])
    return mls.opaque_v(body)


def encode_extension(extension_type, extension_data):
    """RFC 9420 §7.2 Extension { ExtensionType extension_type; opaque extension_data<V>; },
    ExtensionType a uint16 (protocol.md §3.1: the data keeps its own inner length)."""
    return extension_type.to_bytes(2, "big") + mls.opaque_v(extension_data)


def decode_roles(data, max_entries):
    """protocol.md §3.1 [SM-ROLE-1]: decoders MUST reject unknown codes, code 1, unsorted or
    duplicate entries, more than max_entries entries and trailing bytes; lengths are minimal
    varints (RFC 9420 §2.1.2). `credential` is opaque (not parsed). Returns {credential: role}."""
    data = bytes(data)
    length, pos = read_varint(data, 0)
    if pos + length != len(data):
        raise DecodeError("list length %d, %d bytes follow" % (length, len(data) - pos))
    out, prev = {}, None
    while pos < len(data):
        n, pos = read_varint(data, pos)
        if pos + n + 1 > len(data):
            raise DecodeError("entry runs past the list")
        cred, role = data[pos:pos + n], data[pos + n]
        pos += n + 1
        if role not in (ROLE_MODERATOR, ROLE_HOST):
            raise DecodeError("role code %d (only 2 and 3 are listed)" % role)
        if prev is not None and not prev < cred:
            raise DecodeError("entries unsorted or duplicated")
        prev = cred
        out[cred] = role
        if len(out) > max_entries:
            raise DecodeError("more than %d entries" % max_entries)
    return out


def validate(doc):
    """Exact layout of roles-extension.json (meeting-more/README.md table); FormatError otherwise."""
    vectors.obj(doc, TOP_KEYS, "", INT_FIELDS, HEX_FIELDS)
    for name in ("valid", "invalid"):
        if not isinstance(doc[name], list) or not doc[name]:
            raise vectors.FormatError("%s is not a non-empty array" % name)
    for i, case in enumerate(doc["valid"]):
        p = "valid[%d]" % i
        vectors.obj(case, VALID_KEYS, p, INT_FIELDS, HEX_FIELDS, strings={"name"})
        if not isinstance(case["entries"], list):
            raise vectors.FormatError("%s.entries is not an array" % p)
        for j, e in enumerate(case["entries"]):
            pe = "%s.entries[%d]" % (p, j)
            keys = ENTRY_KEYS_X509 if isinstance(e, dict) and "certificates" in e else ENTRY_KEYS_BASIC
            vectors.obj(e, keys, pe, INT_FIELDS, HEX_FIELDS)
    for i, case in enumerate(doc["invalid"]):
        vectors.obj(case, INVALID_KEYS, "invalid[%d]" % i, INT_FIELDS, HEX_FIELDS, strings={"name", "rule"})


def check(doc):
    """Encode every valid case and compare, decode it back; every invalid case must not decode."""
    validate(doc)
    r = vectors.Result()
    ext_type, max_entries = doc["extension_type"], doc["max_entries"]
    # protocol.md §1.2: sealmeet_roles is GroupContext extension 0xF0A0; §3.1: at most 4,096 entries.
    r.compare("extension_type", 0xF0A0, ext_type)
    r.compare("max_entries", 4096, max_entries)
    for i, case in enumerate(doc["valid"]):
        _check_valid(r, "valid[%d]" % i, ext_type, max_entries, case)
    for i, case in enumerate(doc["invalid"]):
        p = "invalid[%d]" % i
        r.compare(p + ".rule", RULE, case["rule"])
        try:
            got = decode_roles(bytes.fromhex(case["extension_data"]), max_entries)
        except DecodeError:
            r.passed += 1
            continue
        r.fail(p + ".extension_data", "decodes (to %d entries) but MUST be refused [SM-ROLE-1]" % len(got))
    return r


def _check_valid(r, p, ext_type, max_entries, case):
    role_map = {}
    for j, e in enumerate(case["entries"]):
        pe = "%s.entries[%d]" % (p, j)
        try:
            cred = encode_credential(e["credential_type"], bytes.fromhex(e.get("identity", "")),
                                     [bytes.fromhex(c) for c in e.get("certificates", [])])
        except ValueError as err:
            r.fail(pe + ".credential", str(err))
            continue
        if ("certificates" in e) != (e["credential_type"] == CREDENTIAL_X509):
            r.fail(pe + ".credential_type", "certificates belong to x509 (2), identity to basic (1)")
        r.compare(pe + ".credential", bytes.fromhex(e["credential"]), cred)
        if cred in role_map:
            r.fail(pe + ".credential", "credential listed twice")
        role_map[cred] = e["role"]
    if any(role not in (ROLE_MODERATOR, ROLE_HOST) for role in role_map.values()):
        r.fail(p + ".entries", "a role code other than 2 or 3 (protocol.md §3.1)")
    data = encode_roles(role_map)
    r.compare(p + ".extension_data", bytes.fromhex(case["extension_data"]), data)
    r.compare(p + ".extension", bytes.fromhex(case["extension"]), encode_extension(ext_type, data))
    # Decode the vector's own bytes back into the map (the README's "compare the map").
    try:
        got = decode_roles(bytes.fromhex(case["extension_data"]), max_entries)
    except DecodeError as err:
        r.fail(p + ".extension_data (decode)", "refused: %s" % err)
        return
    r.compare(p + ".extension_data (decode)", sorted(role_map.items()), sorted(got.items()))


def is_output(path, key):
    return key in OUTPUT_FIELDS


def may_have_no_effect(path, key):
    """Every flipped field of the roles file must be detected."""
    return False


def flip(path, key, value):
    """Self-test mutation: an invalid case's data becomes valid bytes (the empty list `00`), so the
    verdict flips; None means "use the generic flip"."""
    if path.startswith("invalid[") and key == "extension_data":
        return "00"
    return None
