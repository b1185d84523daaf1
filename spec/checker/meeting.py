"""The Sealmeet meeting layer, from spec/protocol.md §2 and §4 (profile version 1).

Every function names the clause it implements. Where the text left a choice open, the
choice made here is the one listed in README.md ("Ambiguities found").
"""

import hashlib

import mls
import sframe

BASE_KEY_LABEL = b"SFrame 1.0 Base Key"          # protocol.md §2.2, RFC 9605 §5.2
SECURITY_CODE_LABEL = b"sealmeet security code v1"  # protocol.md §4 and §7


def base_key(mls_suite, sframe_suite, exporter_secret):
    """protocol.md §2.2 [SM-MEDIA-2]: base_key = MLS-Exporter("SFrame 1.0 Base Key", "", AEAD.Nk).

    AEAD.Nk is read as the Nk of the meeting's SFrame suite (RFC 9605 §4.5 table, §5.2), not of
    the MLS suite's AEAD: ambiguity A1 in README.md. The context "" is the empty byte string,
    so Hash(Context) is the hash of zero bytes (RFC 9420 §8.5)."""
    return mls.mls_exporter(mls_suite, exporter_secret, BASE_KEY_LABEL, b"", sframe_suite.nk)


def check_epoch_bits(e):
    """protocol.md §2.3: 1 <= E <= 16."""
    if not isinstance(e, int) or isinstance(e, bool) or not 1 <= e <= 16:
        raise ValueError("epoch_bits %r is outside 1..16 (protocol.md §2.3)" % (e,))
    return e


def kid(leaf_index, epoch, e):
    """protocol.md §2.3 [SM-MEDIA-3]: KID = (leaf_index << E) | (epoch mod 2^E).

    This is RFC 9605 §5.2's KID with context 0; leaf_index is the MLS LeafIndex (uint32,
    RFC 9420 §4/§7), not a node index; epoch is the MLS uint64 epoch (RFC 9420 §8.1)."""
    check_epoch_bits(e)
    if not 0 <= leaf_index < 2**32:
        raise ValueError("leaf_index %r is not a uint32" % (leaf_index,))
    if not 0 <= epoch < 2**64:
        raise ValueError("epoch %r is not a uint64" % (epoch,))
    return (leaf_index << e) | (epoch % (1 << e))


def split_kid(k, e):
    """The receiver's reading of a KID (protocol.md §2.4 [SM-MEDIA-5]): the epoch slot is the
    low E bits, the sender leaf the bits above."""
    return k >> e, k & ((1 << e) - 1)


def security_code(epoch_authenticator):
    """protocol.md §4 [SM-SEC-1].

    digest = SHA-256(label || epoch_authenticator): plain concatenation of the ASCII label (no
    length prefix, no NUL) and the epoch_authenticator of RFC 9420 §8.7 (KDF.Nh bytes of the
    MLS suite, e.g. 48 for 0x0007); SHA-256 whatever the MLS suite (ambiguity A3).
    For g in 0..5 the group is the big-endian integer of the FIVE bytes digest[5g .. 5g+4]
    (both ends inclusive: ambiguity A2), taken mod 100000 and printed as 5 decimal digits with
    leading zeros; groups are joined by one ASCII space."""
    digest = hashlib.sha256(SECURITY_CODE_LABEL + epoch_authenticator).digest()
    groups = []
    for g in range(6):
        v = int.from_bytes(digest[5 * g:5 * g + 5], "big")
        groups.append("%05d" % (v % 100000))
    return " ".join(groups)
