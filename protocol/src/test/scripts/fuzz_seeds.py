#!/usr/bin/env python3
"""Writes the vector seeds of the Jazzer fuzz targets (issue 9 section 2) from the official vectors.

Run from the repository root: python3 protocol/src/test/scripts/fuzz_seeds.py
The official vectors are read from $SEALMEET_VECTORS, else ../shared/vectors beside the checkout
(the same vector root the build uses; see spec/vectors/README.md).
Each seed is named after its vector file, field and case, so it can be traced back. The group
targets' fixture seeds are written by FuzzSeedsTest (-Dsealmeet.writeFuzzSeeds=true).
"""
import json
import os

RES = "protocol/src/test/resources/dev/sealmeet"
VECTORS = os.environ.get("SEALMEET_VECTORS") or os.path.join("..", "shared", "vectors")
MLS = os.path.join(VECTORS, "mls")
PER_FIELD = 10
MLS_MESSAGE_HEADER = 4  # ProtocolVersion version; WireFormat wire_format (RFC 9420 section 6)


WRITTEN = set()


def write(directory, name, data):
    """Writes one seed unless the same bytes are already a seed of that target."""
    if (directory, data) in WRITTEN:
        return
    WRITTEN.add((directory, data))
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def load(path):
    with open(path) as f:
        return json.load(f)


def main():
    messages = load(os.path.join(MLS, "messages.json"))[:PER_FIELD]
    msg_dir = os.path.join(RES, "mls/message/MessagesFuzzTestInputs")
    group_dir = os.path.join(RES, "mls/group/GroupFuzzTestInputs")
    wire_fields = ["mls_welcome", "mls_group_info", "mls_key_package", "public_message_application",
                   "public_message_proposal", "public_message_commit", "private_message"]
    targets = {
        "processCommit": ["public_message_commit", "private_message"],
        "processApplication": ["private_message", "public_message_application"],
        "join": ["mls_welcome"],
        "joinExternal": ["mls_group_info"],
    }
    for i, case in enumerate(messages):
        for field in wire_fields:
            write(os.path.join(msg_dir, "mlsMessage"), f"messages-{i}-{field}",
                  bytes.fromhex(case[field]))
        for target, fields in targets.items():
            for field in fields:
                write(os.path.join(group_dir, target), f"messages-{i}-{field}",
                      bytes.fromhex(case[field]))
        write(os.path.join(group_dir, "processSignedCommit"), f"messages-{i}-commit",
              bytes.fromhex(case["commit"]))
        write(os.path.join(group_dir, "keyPackage"), f"messages-{i}-key_package",
              bytes.fromhex(case["mls_key_package"])[MLS_MESSAGE_HEADER:])
        write(os.path.join(msg_dir, "ratchetTree"), f"messages-{i}-ratchet_tree",
              bytes(32) + bytes.fromhex(case["ratchet_tree"]))
    for i, case in enumerate(load(os.path.join(MLS, "tree-validation.json"))):
        if case["cipher_suite"] == 1:
            write(os.path.join(msg_dir, "ratchetTree"), f"tree-validation-{i}",
                  bytes.fromhex(case["group_id"]) + bytes.fromhex(case["tree"]))
    for i, case in enumerate(load(os.path.join(MLS, "welcome.json"))):
        write(os.path.join(group_dir, "join"), f"welcome-{i}", bytes.fromhex(case["welcome"]))

    sframe_dir = os.path.join(RES, "sframe/SframeFuzzTestInputs")
    for name in ["test-vectors.json", "post-rfc/test-vectors.json"]:
        vectors = load(os.path.join(VECTORS, "sframe", name))
        tag = name.replace("/", "-").replace(".json", "")
        for i, case in enumerate(vectors["header"]):
            write(os.path.join(sframe_dir, "header"), f"{tag}-header-{i}",
                  bytes.fromhex(case["encoded"]))
        for i, case in enumerate(vectors["sframe"]):
            # SframeSuite.values() lists the suites in id order from 0x0001.
            write(os.path.join(sframe_dir, "unprotect"), f"{tag}-sframe-{i}",
                  bytes([case["cipher_suite"] - 1]) + bytes.fromhex(case["ct"]))


if __name__ == "__main__":
    main()
