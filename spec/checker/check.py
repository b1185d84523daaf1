#!/usr/bin/env python3
"""Clean-room checker of Sealmeet's meeting-layer vectors, written from spec/ and the RFCs alone.

    python3 spec/checker/check.py [VECTOR_DIR]              # default: spec/vectors/meeting
    python3 spec/checker/check.py --self-test [VECTOR_DIR]  # proves the checker can fail

Files: meeting-keys layout (spec/vectors/meeting/, meeting-more/ctr-suites.json, vectors.py), the
roles extension (meeting-more/roles-extension.json, roles.py) and receive logs
(meeting-more/rejected-frames.json and transition.json, receivelog.py on receiver.py).

Exit status: 0 every field of every file matches; 1 a mismatch (or a failed self-test);
2 a file that is not a meeting vector file (unknown format), or no file at all.
"""

import argparse
import copy
import json
import sys
from pathlib import Path

import meeting
import mls
import receivelog
import roles
import sframe
import vectors

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "vectors" / "meeting"


def format_of(doc):
    """The module that reads this kind of vector file: meeting-keys layout (an array of cases, as
    in spec/vectors/meeting/ and meeting-more/ctr-suites.json), the roles extension file, or a
    receive log (meeting-more/README.md). Anything else is an unknown format."""
    if isinstance(doc, list) or (isinstance(doc, dict) and "senders" not in doc and "epochs" in doc
                                 and "log" not in doc):
        return vectors
    if isinstance(doc, dict) and "extension_type" in doc:
        return roles
    if isinstance(doc, dict) and "log" in doc:
        return receivelog
    raise vectors.FormatError("neither meeting cases, a roles extension file nor a receive log")


def load(path):
    """Returns (doc, module); FormatError when the file is not a vector file this checker knows."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        fmt = format_of(doc)
        fmt.validate(doc)
        return doc, fmt
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, vectors.FormatError) as e:
        raise vectors.FormatError(str(e))


def files_in(directory):
    return sorted(p for p in Path(directory).glob("*.json") if p.is_file())


def run_check(directory):
    files, status = files_in(directory), 0
    if not files:
        print("%s: no *.json vector file" % directory)
        return 2
    for path in files:
        try:
            doc, fmt = load(path)
        except vectors.FormatError as e:
            print("%s: cannot parse (unknown format): %s" % (path.name, e))
            status = 2
            continue
        r = fmt.check(doc)
        print("%s: %d passed, %d failed" % (path.name, r.passed, len(r.failures)))
        for field, detail in r.failures:
            print("  mismatch %s: %s" % (field, detail))
        if r.failures and status == 0:
            status = 1
    return status


def leaves(node, path=""):
    """Every scalar field of a vector document with its path, in the checker's path syntax."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, "%s.%s" % (path, k) if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, "%s[%d]" % (path, i))
    else:
        yield path, node


def _set(doc, path, value):
    """Assign value at a path produced by leaves()."""
    tokens, cur = [], ""
    for ch in path:
        if ch in ".[":
            if cur:
                tokens.append(cur)
            cur = ""
        elif ch == "]":
            tokens.append(int(cur))
            cur = ""
        else:
            cur += ch
    if cur:
        tokens.append(cur)
    node = doc
    for t in tokens[:-1]:
        node = node[t]
    node[tokens[-1]] = value


def flip(fmt, path, key, value):
    """Change one byte of a field, keeping its type (so the file still parses); a format module
    may mutate a field its own way first (a verdict, an invalid encoding)."""
    special = fmt.flip(path, key, value)
    if special is not None:
        return special
    if key == "cipher_suite":
        # Suites 2 and 3 share suite 1's KDF, 4 and 5 share SHA-512: the exporter (RFC 9420
        # §8.5) cannot tell them apart, so move to a suite of another hash.
        return 1 if value in (4, 5, 6, 7) else 7
    if isinstance(value, int):
        return value ^ 1
    if key in ("security_code", "rule"):
        return chr(ord(value[0]) ^ 1) + value[1:]
    if key in fmt.HEX_FIELDS:
        raw = bytearray.fromhex(value)
        if not raw:
            return "00"  # an empty field gains a byte instead
        raw[0] ^= 1
        return raw.hex()
    raise ValueError("no way to flip %s" % key)


# KIDs printed in RFC 9605 §5.2 (figure "An Example Sequence of KIDs", E = 4, context 0).
RFC9605_KIDS = [(14, 3, 0x3E), (14, 7, 0x7E), (14, 20, 0x14E), (15, 3, 0x3F), (15, 5, 0x5F),
                (17, 33, 0x211), (17, 51, 0x331)]


def builtin_checks():
    """Checks that need no vector file: the RFCs' own varint and KID examples, and that every SFrame suite
    (1-3 included, which meeting-keys.json does not exercise) opens what it protects and
    refuses a frame with one byte changed or other metadata. Returns the problems found."""
    problems = []
    # RFC 9420 §2.1.2 examples of variable-length integers.
    for n, encoded in ((494878333, "9d7f3e7d"), (15293, "7bbd"), (37, "25")):
        if mls.encode_varint(n).hex() != encoded:
            problems.append("varint %d is not %s (RFC 9420 §2.1.2)" % (n, encoded))
        # ... and decodes back with the roles decoder's reader (protocol.md §3.1).
        if roles.read_varint(bytes.fromhex(encoded), 0) != (n, len(encoded) // 2):
            problems.append("varint %s does not decode to %d (RFC 9420 §2.1.2)" % (encoded, n))
    # RFC 9420 §2.1.2: prefix 11 MUST be rejected; more bytes than necessary are malformed.
    for bad in ("c0000025", "4025", "80000025", "7b"):
        try:
            roles.read_varint(bytes.fromhex(bad), 0)
            problems.append("varint %s accepted (RFC 9420 §2.1.2)" % bad)
        except roles.DecodeError:
            pass
    for epoch, leaf, expected in RFC9605_KIDS:
        if meeting.kid(leaf, epoch, 4) != expected:
            problems.append("KID of leaf %d, epoch %d is not 0x%x (RFC 9605 §5.2)" % (leaf, epoch, expected))
    for ident, s in sframe.SUITES.items():
        key, salt = sframe.derive_key_salt(s, 0x211, bytes(range(s.nk)))
        frame = sframe.protect(s, key, salt, 0x211, 300, b"meta", b"media")
        if len(frame) != 1 + 2 + 2 + 5 + s.nt:
            problems.append("suite %d: frame length %d" % (ident, len(frame)))
        if sframe.unprotect(s, {0x211: (key, salt)}, b"meta", frame) != (0x211, 300, b"media"):
            problems.append("suite %d: does not open its own frame" % ident)
        for i in range(len(frame)):
            bad = bytearray(frame)
            bad[i] ^= 0x01
            if _opens(s, key, salt, b"meta", bytes(bad)):
                problems.append("suite %d: frame with byte %d flipped opens" % (ident, i))
        if _opens(s, key, salt, b"metb", frame):
            problems.append("suite %d: frame opens with other metadata" % ident)
    return problems


def _opens(s, key, salt, metadata, frame):
    try:
        sframe.unprotect(s, {0x211: (key, salt)}, metadata, frame)
        return True
    except (ValueError, KeyError):
        return False


def run_self_test(directory):
    """Flip one byte of each field of an in-memory copy, one field at a time; the checker must
    report a mismatch: at that very field for an output, somewhere for an input."""
    files, bad = files_in(directory), 0
    if not files:
        print("%s: no *.json vector file" % directory)
        return 2
    problems = builtin_checks()
    for p in problems:
        print("  built-in check failed: %s" % p)
    print("built-in: RFC 9420 §2.1.2 varints (encode, decode, refuse), RFC 9605 §5.2 KIDs, SFrame suites 1-5 open/refuse: %s"
          % ("ok" if not problems else "%d problems" % len(problems)))
    bad += len(problems)
    for path in files:
        try:
            doc, fmt = load(path)
        except vectors.FormatError as e:
            print("%s: cannot parse (unknown format): %s" % (path.name, e))
            return 2
        if fmt.check(doc).failures:
            print("%s: self-test needs a file that passes first" % path.name)
            bad += 1
            continue
        caught = missed = skipped = soft = 0
        for field, value in leaves(doc):
            key = field.rsplit(".", 1)[-1].split("[", 1)[0]
            if key in fmt.INFORMATIVE:
                skipped += 1  # name, note, description: informative text, never checked
                continue
            mutated = copy.deepcopy(doc)
            _set(mutated, field, flip(fmt, field, key, value))
            try:
                failed = [p for p, _ in fmt.check(mutated).failures]
            except vectors.FormatError as e:
                print("  flipped %s makes the file unreadable: %s" % (field, e))
                failed = []
            if fmt.is_output(field, key):
                ok = any(p == field or p.startswith(field + " ") for p in failed)
            else:
                ok = bool(failed)
            if ok:
                caught += 1
            elif fmt.may_have_no_effect(field, key):
                soft += 1  # e.g. a rejected frame's bytes flipped: still rejected, rightly
                if not field.startswith("log["):
                    print("  no effect (the log does not exercise it): flipped %s" % field)
            else:
                missed += 1
                print("  NOT DETECTED: flipped %s" % field)
        notes = (["%d informative fields not flipped" % skipped] if skipped else []) + (
            ["%d inputs flipped without changing a verdict" % soft] if soft else [])
        print("%s: self-test %d flipped fields detected, %d missed%s"
              % (path.name, caught, missed, " (%s)" % ", ".join(notes) if notes else ""))
        bad += missed
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("vector_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--self-test", action="store_true",
                    help="flip each field in memory and confirm the checker reports it")
    args = ap.parse_args(argv)
    if args.self_test:
        return run_self_test(args.vector_dir)
    return run_check(args.vector_dir)


if __name__ == "__main__":
    sys.exit(main())
