"""Reading a meeting vector file (spec/vectors/meeting/README.md) and recomputing every field.

The file is a JSON array of cases (a single case object is accepted too). Every key of every
object must be one the README's table names: an unknown key means an unknown format (exit 2),
so a field added to the vectors cannot go unchecked.
"""

import re

import meeting
import mls
import sframe


class FormatError(ValueError):
    """The file is not a meeting vector file this checker understands."""


CASE_KEYS = {"cipher_suite", "sframe_cipher_suite", "epoch_bits", "epochs"}
EPOCH_KEYS = {"epoch", "exporter_secret", "epoch_authenticator", "base_key", "security_code", "senders"}
SENDER_KEYS = {"leaf_index", "kid", "sframe_key", "sframe_salt", "frames"}
FRAME_KEYS = {"ctr", "metadata", "plaintext", "protected"}
HEX_FIELDS = {"exporter_secret", "epoch_authenticator", "base_key", "sframe_key", "sframe_salt",
              "metadata", "plaintext", "protected"}
INT_FIELDS = {"cipher_suite", "sframe_cipher_suite", "epoch_bits", "epoch", "leaf_index", "kid", "ctr"}
HEX = re.compile(r"(?:[0-9a-fA-F]{2})*")
# Fields the checker recomputes (outputs); the others are inputs.
OUTPUT_FIELDS = {"base_key", "security_code", "kid", "sframe_key", "sframe_salt", "protected"}


def cases_of(doc):
    if isinstance(doc, dict):
        return [("", doc)]
    if isinstance(doc, list) and doc:
        return [("[%d]" % i, c) for i, c in enumerate(doc)]
    raise FormatError("top level is neither a non-empty array of cases nor one case object")


def _obj(value, keys, path):
    if not isinstance(value, dict):
        raise FormatError("%s is not an object" % (path or "case"))
    missing, extra = keys - value.keys(), value.keys() - keys
    if missing or extra:
        raise FormatError("%s: missing %s, unknown %s" % (path or "case", sorted(missing), sorted(extra)))
    for k, v in value.items():
        p = "%s.%s" % (path, k) if path else k
        if k in INT_FIELDS and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise FormatError("%s is not a non-negative integer" % p)
        if k in HEX_FIELDS and not (isinstance(v, str) and HEX.fullmatch(v)):
            raise FormatError("%s is not a hex string" % p)
        if k == "security_code" and not isinstance(v, str):
            raise FormatError("%s is not a string" % p)
        if k in ("epochs", "senders", "frames") and not (isinstance(v, list) and v):
            raise FormatError("%s is not a non-empty array" % p)
    return value


def obj(value, keys, path, int_fields, hex_fields, strings=(), optional=()):
    """Generic layout check for the meeting-more files: exactly `keys` (plus any of `optional`),
    integers non-negative (never bool), hex fields lowercase-or-not hex strings or arrays of them,
    `strings` plain strings. An unknown key is a FormatError (an unknown format)."""
    where = path or "top level"
    if not isinstance(value, dict):
        raise FormatError("%s is not an object" % where)
    missing, extra = set(keys) - value.keys(), value.keys() - set(keys) - set(optional)
    if missing or extra:
        raise FormatError("%s: missing %s, unknown %s" % (where, sorted(missing), sorted(extra)))
    for k, v in value.items():
        p = "%s.%s" % (path, k) if path else k
        if k in int_fields and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise FormatError("%s is not a non-negative integer" % p)
        if k in hex_fields:
            items = v if isinstance(v, list) else [v]
            if not all(isinstance(x, str) and HEX.fullmatch(x) for x in items):
                raise FormatError("%s is not a hex string (or an array of them)" % p)
        if k in strings and not isinstance(v, str):
            raise FormatError("%s is not a string" % p)
    return value


def validate(doc):
    """Raise FormatError unless doc has exactly the layout of the README's table."""
    for path, case in cases_of(doc):
        _obj(case, CASE_KEYS, path)
        for j, ep in enumerate(case["epochs"]):
            pe = "%s.epochs[%d]" % (path, j) if path else "epochs[%d]" % j
            _obj(ep, EPOCH_KEYS, pe)
            for k, snd in enumerate(ep["senders"]):
                ps = "%s.senders[%d]" % (pe, k)
                _obj(snd, SENDER_KEYS, ps)
                for m, fr in enumerate(snd["frames"]):
                    _obj(fr, FRAME_KEYS, "%s.frames[%d]" % (ps, m))


class Result:
    def __init__(self):
        self.passed = 0
        self.failures = []  # (path, detail)

    def compare(self, path, expected, computed):
        if expected == computed:
            self.passed += 1
        else:
            self.failures.append((path, "vector %s, computed %s" % (_show(expected), _show(computed))))

    def fail(self, path, detail):
        self.failures.append((path, detail))


def _show(v):
    return v.hex() if isinstance(v, (bytes, bytearray)) else repr(v)


def check(doc):
    """Recompute every output field of doc from its inputs only; open every protected frame."""
    validate(doc)
    r = Result()
    for path, case in cases_of(doc):
        pre = path + "." if path else ""
        try:
            mls.suite_hash(case["cipher_suite"])
        except mls.UnsupportedSuite as e:
            r.fail(pre + "cipher_suite", str(e))
            continue
        try:
            s = sframe.suite(case["sframe_cipher_suite"])
        except sframe.UnsupportedSuite as e:
            r.fail(pre + "sframe_cipher_suite", str(e))
            continue
        try:
            e_bits = meeting.check_epoch_bits(case["epoch_bits"])
        except ValueError as e:
            r.fail(pre + "epoch_bits", str(e))
            continue
        for j, ep in enumerate(case["epochs"]):
            _check_epoch(r, "%sepochs[%d]" % (pre, j), case["cipher_suite"], s, e_bits, ep)
    return r


def _check_epoch(r, pe, mls_suite, s, e_bits, ep):
    # protocol.md §2.2 [SM-MEDIA-2]
    bk = meeting.base_key(mls_suite, s, bytes.fromhex(ep["exporter_secret"]))
    r.compare(pe + ".base_key", bytes.fromhex(ep["base_key"]), bk)
    # protocol.md §4 [SM-SEC-1]
    r.compare(pe + ".security_code", ep["security_code"],
              meeting.security_code(bytes.fromhex(ep["epoch_authenticator"])))
    for k, snd in enumerate(ep["senders"]):
        ps = "%s.senders[%d]" % (pe, k)
        try:
            kid = meeting.kid(snd["leaf_index"], ep["epoch"], e_bits)  # §2.3 [SM-MEDIA-3]
        except ValueError as e:
            r.fail(ps + ".kid", str(e))
            continue
        r.compare(ps + ".kid", snd["kid"], kid)
        # A receiver reads the leaf and epoch slot back from the KID (§2.4 [SM-MEDIA-5]).
        r.compare(ps + ".kid (split)", (snd["leaf_index"], ep["epoch"] % (1 << e_bits)),
                  meeting.split_kid(snd["kid"], e_bits))
        key, salt = sframe.derive_key_salt(s, kid, bk)  # RFC 9605 §4.4.2
        r.compare(ps + ".sframe_key", bytes.fromhex(snd["sframe_key"]), key)
        r.compare(ps + ".sframe_salt", bytes.fromhex(snd["sframe_salt"]), salt)
        for m, fr in enumerate(snd["frames"]):
            _check_frame(r, "%s.frames[%d]" % (ps, m), s, kid, key, salt, fr)


def _check_frame(r, pf, s, kid, key, salt, fr):
    metadata, plaintext = bytes.fromhex(fr["metadata"]), bytes.fromhex(fr["plaintext"])
    try:
        computed = sframe.protect(s, key, salt, kid, fr["ctr"], metadata, plaintext)
    except ValueError as e:
        r.fail(pf + ".protected", str(e))
        return
    r.compare(pf + ".protected", bytes.fromhex(fr["protected"]), computed)
    # Open the vector's own bytes with the keys derived here (RFC 9605 §4.4.4): the header
    # must name this sender's KID and the frame's CTR, and the plaintext must come back.
    try:
        got = sframe.unprotect(s, {kid: (key, salt)}, metadata, bytes.fromhex(fr["protected"]))
    except (ValueError, KeyError) as e:
        r.fail(pf + ".protected (open)", "does not open: %s" % e)
        return
    r.compare(pf + ".protected (open)", (kid, fr["ctr"], plaintext), got)


INFORMATIVE = set()


def is_output(path, key):
    return key in OUTPUT_FIELDS


def flip(path, key, value):
    """No format-specific mutation: the generic flip of check.py applies."""
    return None


def may_have_no_effect(path, key):
    """Every flipped field of a meeting-keys file must be detected."""
    return False
