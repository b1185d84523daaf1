"""The few MLS (RFC 9420) key-schedule pieces a Sealmeet meeting layer needs.

Written from the RFC text only. Only the KDF/hash of each cipher suite matters here:
the meeting layer starts from an epoch's `exporter_secret` (RFC 9420 §8, table
"Epoch-Derived Secrets") and uses MLS-Exporter (RFC 9420 §8.5).
"""

import hashlib
import hmac

# RFC 9420 §17.1, table mapping cipher suites to HPKE KDF and hash:
#   0x0001-0x0003 -> HKDF-SHA256 (KDF 0x0001), SHA256
#   0x0004-0x0006 -> HKDF-SHA512 (KDF 0x0003), SHA512
#   0x0007        -> HKDF-SHA384 (KDF 0x0002), SHA384
# Sealmeet implements suites 0x0001-0x0007 (protocol.md §1.1).
SUITE_HASH = {
    0x0001: "sha256",
    0x0002: "sha256",
    0x0003: "sha256",
    0x0004: "sha512",
    0x0005: "sha512",
    0x0006: "sha512",
    0x0007: "sha384",
}


class UnsupportedSuite(ValueError):
    pass


def suite_hash(suite):
    try:
        return SUITE_HASH[suite]
    except (KeyError, TypeError):
        raise UnsupportedSuite("MLS cipher suite %r is not one of 0x0001-0x0007" % (suite,))


def encode_varint(n):
    """Variable-size length header, RFC 9420 §2.1.2 (minimum-size encoding, 1/2/4 bytes)."""
    if n < 0:
        raise ValueError("negative length")
    if n <= 0x3F:
        return bytes([n])
    if n <= 0x3FFF:
        return (0x4000 | n).to_bytes(2, "big")
    if n <= 0x3FFFFFFF:
        return (0x80000000 | n).to_bytes(4, "big")
    raise ValueError("length %d does not fit a 30-bit varint" % n)


def opaque_v(data):
    """`opaque x<V>` of the TLS presentation language as MLS uses it (RFC 9420 §2.1.2)."""
    return encode_varint(len(data)) + bytes(data)


def hkdf_expand(hash_name, prk, info, length):
    """HKDF-Expand of RFC 5869 §2.3, the KDF.Expand of the HPKE KDFs MLS uses (RFC 9180 §7.2)."""
    digest_size = hashlib.new(hash_name).digest_size
    if length > 255 * digest_size:
        raise ValueError("HKDF-Expand length too large")
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hash_name).digest()
        out += block
        counter += 1
    return out[:length]


def hkdf_extract(hash_name, salt, ikm):
    """HKDF-Extract of RFC 5869 §2.2; an empty salt means HashLen zero bytes (same HMAC result)."""
    if not salt:
        salt = bytes(hashlib.new(hash_name).digest_size)
    return hmac.new(salt, ikm, hash_name).digest()


def expand_with_label(suite, secret, label, context, length):
    """ExpandWithLabel, RFC 9420 §8: KDF.Expand(Secret, KDFLabel, Length) with
    KDFLabel = struct { uint16 length; opaque label<V> = "MLS 1.0 " + Label; opaque context<V>; }."""
    if isinstance(label, str):
        label = label.encode("ascii")
    kdf_label = length.to_bytes(2, "big") + opaque_v(b"MLS 1.0 " + label) + opaque_v(context)
    return hkdf_expand(suite_hash(suite), secret, kdf_label, length)


def derive_secret(suite, secret, label):
    """DeriveSecret(Secret, Label) = ExpandWithLabel(Secret, Label, "", KDF.Nh), RFC 9420 §8."""
    nh = hashlib.new(suite_hash(suite)).digest_size
    return expand_with_label(suite, secret, label, b"", nh)


def mls_exporter(suite, exporter_secret, label, context, length):
    """MLS-Exporter(Label, Context, Length), RFC 9420 §8.5:
    ExpandWithLabel(DeriveSecret(exporter_secret, Label), "exported", Hash(Context), Length)."""
    h = hashlib.new(suite_hash(suite), context).digest()
    return expand_with_label(suite, derive_secret(suite, exporter_secret, label), "exported", h, length)
