"""The receive-log files of spec/vectors/meeting-more/ (rejected-frames.json, transition.json):
layout (the README's second table) and the replay of the log on receiver.Receiver.

Every step's verdict, reason, epoch, leaf, CTR, plaintext and released frames are decided here
from the settings, the epochs' exporter secrets and the frame bytes only.
"""

import meeting
import mls
import receiver
import sframe
import vectors

TOP_KEYS = {"description", "cipher_suite", "sframe_cipher_suite", "epoch_bits", "replay_window",
            "grace", "hold", "epochs", "log"}
GRACE_KEYS = {"time_ms", "epochs"}
HOLD_KEYS = {"per_sender", "total", "bytes", "time_ms"}
EPOCH_KEYS = {"epoch", "exporter_secret", "base_key", "members"}
INSTALL_KEYS = {"at_ms", "install", "departed", "released"}
RECEIVE_KEYS = {"at_ms", "protected", "metadata", "expect"}
RECEIVE_OPTIONAL = {"reason", "epoch", "leaf", "ctr", "plaintext"}
RELEASED_KEYS = {"epoch", "leaf", "ctr", "plaintext"}
INT_FIELDS = {"cipher_suite", "sframe_cipher_suite", "epoch_bits", "replay_window", "time_ms",
              "per_sender", "total", "bytes", "epoch", "at_ms", "install", "leaf", "ctr"}
HEX_FIELDS = {"exporter_secret", "base_key", "protected", "metadata", "plaintext"}
OUTPUT_FIELDS = {"base_key", "released", "expect", "reason", "epoch", "leaf", "ctr", "plaintext"}
INFORMATIVE = {"description", "note"}
ACCEPT_FIELDS = ("epoch", "leaf", "ctr", "plaintext")


def _int_list(v, p):
    if not isinstance(v, list) or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0
                                          for x in v):
        raise vectors.FormatError("%s is not an array of non-negative integers" % p)


def validate(doc):
    """Exact layout of the README's receive-log table; an unknown key is a FormatError."""
    o = vectors.obj
    o(doc, TOP_KEYS, "", INT_FIELDS, HEX_FIELDS, strings={"description"})
    o(doc["grace"], GRACE_KEYS, "grace", GRACE_KEYS, HEX_FIELDS)
    o(doc["hold"], HOLD_KEYS, "hold", INT_FIELDS, HEX_FIELDS)
    for name in ("epochs", "log"):
        if not isinstance(doc[name], list) or not doc[name]:
            raise vectors.FormatError("%s is not a non-empty array" % name)
    for i, ep in enumerate(doc["epochs"]):
        o(ep, EPOCH_KEYS, "epochs[%d]" % i, INT_FIELDS, HEX_FIELDS)
        _int_list(ep["members"], "epochs[%d].members" % i)
    for i, st in enumerate(doc["log"]):
        p = "log[%d]" % i
        if isinstance(st, dict) and "install" in st:
            o(st, INSTALL_KEYS, p, INT_FIELDS, HEX_FIELDS, strings={"note"}, optional={"note"})
            _int_list(st["departed"], p + ".departed")
            if not isinstance(st["released"], list):
                raise vectors.FormatError("%s.released is not an array" % p)
            for j, rel in enumerate(st["released"]):
                o(rel, RELEASED_KEYS, "%s.released[%d]" % (p, j), INT_FIELDS, HEX_FIELDS)
        else:
            o(st, RECEIVE_KEYS, p, INT_FIELDS, HEX_FIELDS, strings={"expect", "reason", "note"},
              optional=RECEIVE_OPTIONAL | {"note"})


def check(doc):
    """Check the settings, recompute every epoch's base key, replay the log in order."""
    validate(doc)
    r = vectors.Result()
    try:  # protocol.md §1.1 (MLS 0x0001-0x0007), §2.1 (SFrame 1-5), §2.3 (1 <= E <= 16)
        mls.suite_hash(doc["cipher_suite"])
        s = sframe.suite(doc["sframe_cipher_suite"])
    except ValueError as err:
        r.fail("cipher_suite" if isinstance(err, mls.UnsupportedSuite) else "sframe_cipher_suite", str(err))
        return r
    try:
        e_bits = meeting.check_epoch_bits(doc["epoch_bits"])
    except ValueError as err:
        r.fail("epoch_bits", str(err))
        return r
    w, g = doc["replay_window"], doc["grace"]["epochs"]
    # §2.4 [SM-MEDIA-11]: W is a power of two from 64 to 65,536.
    r.compare("replay_window (power of two 64..65536)", True, 64 <= w <= 65536 and w & (w - 1) == 0)
    # §2.4 [SM-MEDIA-7]: G <= 2^E - 1, the 1 + G held epochs need distinct slots.
    r.compare("grace.epochs (at most 2^E - 1)", True, g <= (1 << e_bits) - 1)
    epochs = {}
    for i, ep in enumerate(doc["epochs"]):
        bk = meeting.base_key(doc["cipher_suite"], s, bytes.fromhex(ep["exporter_secret"]))  # §2.2
        r.compare("epochs[%d].base_key" % i, bytes.fromhex(ep["base_key"]), bk)
        if ep["epoch"] in epochs:
            r.fail("epochs[%d].epoch" % i, "epoch listed twice")
        epochs[ep["epoch"]] = (bk, ep["members"])
    rx = receiver.Receiver(s, e_bits, w, doc["grace"]["time_ms"], g, doc["hold"])
    last = 0
    for i, st in enumerate(doc["log"]):
        p = "log[%d]" % i
        if st["at_ms"] < last:
            r.fail(p + ".at_ms", "the clock goes back from %d to %d" % (last, st["at_ms"]))
        last = st["at_ms"]
        if "install" in st:
            if st["install"] not in epochs:
                r.fail(p + ".install", "epoch %d is not in epochs[]" % st["install"])
                continue
            bk, members = epochs[st["install"]]
            got = rx.install(st["at_ms"], st["install"], bk, members, st["departed"])
            _compare_released(r, p, st["released"], got)
        else:
            v = rx.receive(st["at_ms"], bytes.fromhex(st["protected"]), bytes.fromhex(st["metadata"]))
            _compare_verdict(r, p, st, v)
    return r


def _compare_released(r, p, vector, got):
    if len(vector) != len(got):
        r.fail(p + ".released", "vector %d frames, computed %d" % (len(vector), len(got)))
        return
    for j, (rel, v) in enumerate(zip(vector, got)):
        for k in ACCEPT_FIELDS:
            _cmp_field(r, "%s.released[%d].%s" % (p, j, k), rel[k], getattr(v, k))


def _cmp_field(r, path, vector, computed):
    if isinstance(computed, (bytes, bytearray)):
        vector = bytes.fromhex(vector)
    r.compare(path, vector, computed)


def _compare_verdict(r, p, st, v):
    r.compare(p + ".expect", st["expect"], v.expect)
    if st["expect"] != v.expect:
        return
    wanted = ACCEPT_FIELDS if v.expect == receiver.ACCEPT else (
        ("reason",) if v.expect == receiver.REJECT else ())
    for k in RECEIVE_OPTIONAL:
        if k in wanted and k not in st:
            r.fail("%s.%s" % (p, k), "missing for %s" % v.expect)
        elif k not in wanted and k in st:
            r.fail("%s.%s" % (p, k), "present, but the verdict is %s" % v.expect)
        elif k in wanted:
            _cmp_field(r, "%s.%s" % (p, k), st[k], getattr(v, k))


_NEXT_EXPECT = {"accept": "reject", "reject": "accept", "hold": "accept"}


def is_output(path, key):
    """Outputs: the base keys and everything a log step expects; the rest are inputs."""
    if key == "base_key" or ".released" in path:
        return True
    return path.startswith("log[") and key in OUTPUT_FIELDS


def may_have_no_effect(path, key):
    """A log step's inputs (its time, frame bytes, metadata) flipped need not change its verdict: a
    rejected frame with another byte changed is still rejected, a time 1 ms later can still be
    inside the grace. Every verdict and output flip must be detected at its path."""
    if path.startswith("log[") and key in ("at_ms", "protected", "metadata"):
        return True
    # A setting or a member the log never reaches (rejected-frames.json holds nothing, so with
    # hold.total 0 the other bounds cannot matter; epoch 16 there sends from leaf 0 only):
    # check.py names each such field.
    return path.startswith(("hold.", "grace.")) or ".members[" in path


def flip(path, key, value):
    """Self-test mutations of verdicts: expect accept<->reject, hold->accept; reason -> the next
    reason of receiver.REASONS. None: use the generic flip."""
    if path.startswith(("hold.", "grace.")):
        return 0 if value else 1 << 20   # a bound gone, or a bound no longer binding
    if key == "expect":
        return _NEXT_EXPECT.get(value, "accept")
    if key == "reason":
        rs = receiver.REASONS
        return rs[(rs.index(value) + 1) % len(rs)] if value in rs else rs[0]
    return None
