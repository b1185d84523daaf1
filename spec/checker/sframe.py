"""SFrame (RFC 9605) as Sealmeet uses it: cipher suites, key derivation, header, AEAD.

Written from the RFC text only (section numbers are those of RFC 9605).
"""

import hashlib
import hmac
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mls import hkdf_expand, hkdf_extract


@dataclass(frozen=True)
class Suite:
    """Constants of RFC 9605 §4.5 (table "SFrame Cipher Suite Constants"), ids of §8.1."""
    ident: int
    name: str
    hash_name: str
    nh: int
    nka: int  # 0 where the table says n/a (GCM suites)
    nk: int
    nn: int
    nt: int

    @property
    def ctr_hmac(self):
        return self.nka != 0


SUITES = {
    1: Suite(1, "AES_128_CTR_HMAC_SHA256_80", "sha256", 32, 16, 48, 12, 10),
    2: Suite(2, "AES_128_CTR_HMAC_SHA256_64", "sha256", 32, 16, 48, 12, 8),
    3: Suite(3, "AES_128_CTR_HMAC_SHA256_32", "sha256", 32, 16, 48, 12, 4),
    4: Suite(4, "AES_128_GCM_SHA256_128", "sha256", 32, 0, 16, 12, 16),
    5: Suite(5, "AES_256_GCM_SHA512_128", "sha512", 64, 0, 32, 12, 16),
}


class UnsupportedSuite(ValueError):
    pass


class AuthenticationFailure(ValueError):
    pass


def suite(ident):
    try:
        return SUITES[ident]
    except (KeyError, TypeError):
        raise UnsupportedSuite("SFrame cipher suite %r is not one of 1-5 (protocol.md §2.1)" % (ident,))


def derive_key_salt(s, kid, base_key):
    """derive_key_salt(KID, base_key), RFC 9605 §4.4.2. KID is an 8-byte big-endian integer
    and cipher_suite a 2-byte big-endian integer inside both labels; HKDF uses the suite's hash."""
    secret = hkdf_extract(s.hash_name, b"", base_key)
    tail = kid.to_bytes(8, "big") + s.ident.to_bytes(2, "big")
    key = hkdf_expand(s.hash_name, secret, b"SFrame 1.0 Secret key " + tail, s.nk)
    salt = hkdf_expand(s.hash_name, secret, b"SFrame 1.0 Secret salt " + tail, s.nn)
    return key, salt


def _compact(value):
    """Minimum number of big-endian bytes for value >= 8 (RFC 9605 §4.3)."""
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")


def encode_header(kid, ctr):
    """SFrame header, RFC 9605 §4.3: config byte X|K(3)|Y|C(3), then KID, then CTR."""
    if not (0 <= kid < 2**64 and 0 <= ctr < 2**64):
        raise ValueError("KID and CTR are 64-bit unsigned values")
    config, tail = 0, b""
    if kid < 8:
        config |= kid << 4
    else:
        k = _compact(kid)
        config |= 0x80 | (len(k) - 1) << 4
        tail += k
    if ctr < 8:
        config |= ctr
    else:
        c = _compact(ctr)
        config |= 0x08 | (len(c) - 1)
        tail += c
    return bytes([config]) + tail


def decode_header(data):
    """Inverse of encode_header; returns (kid, ctr, header_length). Rejects a non-minimal
    encoding, which RFC 9605 §4.3 forbids ("MUST be encoded with the minimum number of bytes")."""
    if not data:
        raise ValueError("empty SFrame ciphertext")
    config, pos, values = data[0], 1, []
    for flag, field in ((config & 0x80, (config >> 4) & 7), (config & 0x08, config & 7)):
        if not flag:
            values.append(field)
            continue
        n = field + 1
        if pos + n > len(data):
            raise ValueError("truncated SFrame header")
        raw = data[pos:pos + n]
        v = int.from_bytes(raw, "big")
        if v < 8 or raw[0] == 0:
            raise ValueError("SFrame header value not minimally encoded")
        values.append(v)
        pos += n
    return values[0], values[1], pos


def _ctr_hmac_tag(s, auth_key, nonce, aad, ct):
    """compute_tag, RFC 9605 §4.5.1."""
    auth_data = (len(aad).to_bytes(8, "big") + len(ct).to_bytes(8, "big") + s.nt.to_bytes(8, "big")
                 + nonce + aad + ct)
    return hmac.new(auth_key, auth_data, s.hash_name).digest()[:s.nt]


def _aes_ctr(enc_key, nonce, data):
    # initial_counter = nonce + four zero bytes (RFC 9605 §4.5.1)
    c = Cipher(algorithms.AES(enc_key), modes.CTR(nonce + bytes(4))).encryptor()
    return c.update(data) + c.finalize()


def aead_encrypt(s, key, nonce, aad, pt):
    """AEAD.Encrypt of the suite: AES-GCM (RFC 5116) or the AES-CTR+HMAC construction (§4.5.1)."""
    if not s.ctr_hmac:
        return AESGCM(key).encrypt(nonce, pt, aad)
    enc_key, auth_key = key[:s.nka], key[s.nka:]
    ct = _aes_ctr(enc_key, nonce, pt)
    return ct + _ctr_hmac_tag(s, auth_key, nonce, aad, ct)


def aead_decrypt(s, key, nonce, aad, ct):
    if not s.ctr_hmac:
        try:
            return AESGCM(key).decrypt(nonce, ct, aad)
        except InvalidTag:
            raise AuthenticationFailure("AES-GCM tag does not verify")
    if len(ct) < s.nt:
        raise AuthenticationFailure("ciphertext shorter than the tag")
    inner, tag = ct[:-s.nt], ct[-s.nt:]
    enc_key, auth_key = key[:s.nka], key[s.nka:]
    if not hmac.compare_digest(tag, _ctr_hmac_tag(s, auth_key, nonce, aad, inner)):
        raise AuthenticationFailure("HMAC tag does not verify")
    return _aes_ctr(enc_key, nonce, inner)


def _nonce(s, salt, ctr):
    # nonce = sframe_salt XOR encode_big_endian(CTR, AEAD.Nn), RFC 9605 §4.4.3
    return bytes(a ^ b for a, b in zip(salt, ctr.to_bytes(s.nn, "big")))


def protect(s, key, salt, kid, ctr, metadata, plaintext):
    """encrypt(CTR, KID, metadata, plaintext), RFC 9605 §4.4.3: header || AEAD.Encrypt(key,
    nonce, aad = header || metadata, plaintext). The metadata is authenticated, not sent."""
    header = encode_header(kid, ctr)
    return header + aead_encrypt(s, key, _nonce(s, salt, ctr), header + metadata, plaintext)


def unprotect(s, key_store, metadata, sframe_ciphertext):
    """decrypt(metadata, sframe_ciphertext), RFC 9605 §4.4.4. key_store maps KID -> (key, salt);
    returns (kid, ctr, plaintext)."""
    kid, ctr, n = decode_header(sframe_ciphertext)
    if kid not in key_store:
        raise KeyError("no key for KID %d" % kid)
    key, salt = key_store[kid]
    header = sframe_ciphertext[:n]
    pt = aead_decrypt(s, key, _nonce(s, salt, ctr), header + metadata, sframe_ciphertext[n:])
    return kid, ctr, pt
