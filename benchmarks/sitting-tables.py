#!/usr/bin/env python3
"""Prints the Markdown tables of benchmarks/README.md from one run of sframe-sitting.sh.

    python3 benchmarks/sitting-tables.py benchmarks/results/<sitting-dir>

Reads jdk17.json, jdk25.json and native.txt (and the -avx2 variants when present) and prints, per CPU
mode: the time per frame, suite 4 divided by the raw AES-GCM of the same provider, bytes allocated per
frame, and the best Sealmeet configuration divided by cisco/sframe. Nothing is typed by hand.
"""
import json
import os
import sys

SIZES = ["64", "1200", "16384", "102400"]
SIZE_NAMES = ["64 B", "1,200 B", "16 KiB", "100 KiB"]
PROVIDERS = [("jdk", "JDK provider"), ("accp", "ACCP 2.5.0")]
JVMS = [("jdk17", "JDK 17"), ("jdk25", "JDK 25")]


def us(ns):
    v = ns / 1000.0
    return "%.2f" % v if v < 10 else ("%.1f" % v if v < 100 else "%.0f" % v)


def load_jmh(path):
    """(benchmark method, provider, suite, size) -> (score ns, error ns, B/op)."""
    out = {}
    for r in json.load(open(path)):
        method = r["benchmark"].rsplit(".", 1)[1]
        p = r["params"]
        key = (method, p["provider"], p.get("suite", "raw"), p["size"])
        norm = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
        out[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], norm)
    return out


def load_native(path):
    """(impl, suite, size) -> median ns."""
    out = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        impl, suite, size, median, _best, _ops = line.split()
        out[(impl, suite, size)] = float(median)
    return out


def head(labels, columns):
    """A Markdown table head: left-aligned label columns, then right-aligned value columns."""
    print("| " + " | ".join(labels + columns) + " |")
    print("|" + "---|" * len(labels) + "---:|" * len(columns))


def cell(v):
    score, err, _ = v
    return "%s ± %s" % (us(score), us(err))


def tables(directory, suffix):
    jmh = {name: load_jmh(os.path.join(directory, name + suffix + ".json")) for name, _ in JVMS}
    native = load_native(os.path.join(directory, "native" + suffix + ".txt"))
    head(["implementation", "suite"], SIZE_NAMES)
    for jvm, jvm_name in JVMS:
        for provider, provider_name in PROVIDERS:
            for suite in ["1", "4"]:
                row = [cell(jmh[jvm][("protectUnprotect", provider, suite, s)]) for s in SIZES]
                print("| Sealmeet, %s, %s | %s | %s |" % (jvm_name, provider_name, suite, " | ".join(row)))
            row = [cell(jmh[jvm][("encryptDecrypt", provider, "raw", s)]) for s in SIZES]
            print("| raw JCE, %s, %s | raw AES-128-GCM | %s |" % (jvm_name, provider_name, " | ".join(row)))
    for suite in ["1", "4"]:
        row = [us(native[("cisco-sframe", suite, s)]) for s in SIZES]
        print("| cisco/sframe (OpenSSL 3.0) | %s | %s |" % (suite, " | ".join(row)))
    row = [us(native[("openssl-evp-aes128gcm", "0", s)]) for s in SIZES]
    print("| raw OpenSSL EVP (floor) | AES-128-GCM | %s |" % " | ".join(row))

    print()
    print("Suite 4 ÷ raw AES-GCM of the same provider (targets: ≤ 1.2 at 1,200 B, ≤ 1.05 at 16 KiB and up):")
    print()
    head(["configuration"], SIZE_NAMES)
    for jvm, jvm_name in JVMS:
        for provider, provider_name in PROVIDERS:
            row = ["%.2f" % (jmh[jvm][("protectUnprotect", provider, "4", s)][0]
                             / jmh[jvm][("encryptDecrypt", provider, "raw", s)][0]) for s in SIZES]
            print("| %s, %s | %s |" % (jvm_name, provider_name, " | ".join(row)))

    print()
    print("Bytes allocated per frame (`-prof gc`, `gc.alloc.rate.norm`; protect + unprotect, raw: encrypt +")
    print("decrypt):")
    print()
    head(["JVM, provider"], ["suite 1 / 4 / raw, " + n for n in SIZE_NAMES])
    for jvm, jvm_name in JVMS:
        for provider, _ in PROVIDERS:
            row = []
            for s in SIZES:
                a = jmh[jvm][("protectUnprotect", provider, "1", s)][2]
                b = jmh[jvm][("protectUnprotect", provider, "4", s)][2]
                c = jmh[jvm][("encryptDecrypt", provider, "raw", s)][2]
                row.append(" / ".join("{:,.0f}".format(x) for x in (a, b, c)))
            label = "JDK provider" if provider == "jdk" else "ACCP"
            print("| %s, %s | %s |" % (jvm_name, label, " | ".join(row)))

    print()
    print("Best Sealmeet configuration per JVM ÷ cisco/sframe (below 1 = Sealmeet faster):")
    print()
    head(["JVM", "suite"], SIZE_NAMES)
    for jvm, jvm_name in JVMS:
        for suite in ["1", "4"]:
            row = []
            for s in SIZES:
                best = min(PROVIDERS, key=lambda p: jmh[jvm][("protectUnprotect", p[0], suite, s)][0])[0]
                ratio = jmh[jvm][("protectUnprotect", best, suite, s)][0] / native[("cisco-sframe", suite, s)]
                row.append("%.2f (%s)" % (ratio, best))
            print("| %s | %s | %s |" % (jvm_name, suite, " | ".join(row)))


def precise(directory):
    """The precision stage: suite 4 and raw AES-GCM at 16 KiB and 100 KiB, 3 forks x 10 s."""
    head(["CPU mode", "configuration"],
         ["16 KiB: Sealmeet / raw µs", "ratio", "100 KiB: Sealmeet / raw µs", "ratio"])
    for suffix, mode in [("", "AVX-512"), ("-avx2", "AVX2 only")]:
        for jvm, jvm_name in JVMS:
            path = os.path.join(directory, jvm + suffix + "-precise.json")
            if not os.path.exists(path):
                continue
            jmh = load_jmh(path)
            for provider, provider_name in PROVIDERS:
                cells = []
                for s in ["16384", "102400"]:
                    ours = jmh[("protectUnprotect", provider, "4", s)]
                    raw = jmh[("encryptDecrypt", provider, "raw", s)]
                    cells.append("%s / %s" % (cell(ours), cell(raw)))
                    cells.append("%.3f" % (ours[0] / raw[0]))
                print("| %s | %s, %s | %s |" % (mode, jvm_name, provider_name, " | ".join(cells)))


def main():
    directory = sys.argv[1]
    print("### AVX-512 on (the machine as it is)")
    print()
    tables(directory, "")
    if os.path.exists(os.path.join(directory, "jdk17-avx2.json")):
        print()
        print("### AVX2 only")
        print()
        tables(directory, "-avx2")
    if os.path.exists(os.path.join(directory, "jdk17-precise.json")):
        print()
        print("### Precision stage: the 1.05x cells, 3 forks x 10 x 1 s")
        print()
        precise(directory)


if __name__ == "__main__":
    main()
