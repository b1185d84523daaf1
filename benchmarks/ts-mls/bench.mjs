// ts-mls as a peer of Sealmeet on the same lived-in MLS trees (issue 20). Driven by run.sh:
//
//   node bench.mjs keypackage DIR
//       a fresh ts-mls client: DIR/keypackage.bin (an MLSMessage) for Sealmeet to add, and
//       DIR/keypackage-private.json (its private keys, throw-away) for the runs below
//   node bench.mjs bench DIR SIZES TREE OUT.json [--rounds R] [--round-ms T] [--warmup-ms W]
//       for each size N, in DIR/n{N}-{TREE}/ (written by dev.sealmeet.bench.PeerExchange):
//       joins from welcome.bin, processes each process-{op}.bin, creates each op's commit
//       (written as created-{op}.bin for PeerExchange verify), checking every epoch_authenticator
//       (RFC 9420 §8.7) once against Sealmeet's before timing; then times each operation
//
// The timing: warm-up batches of W ms until the last three batch means lie within 5% of their
// median (at most 10 batches), then R rounds of at least T ms; each round's mean time per
// operation is one sample, the score their mean, the error the half-width of the 99.9%
// Student-t interval, as JMH reports them. OUT.json is shaped like JMH's -rf json (the Node and V8
// versions in place of the JVM's), so the report tool reads it; run.sh writes OUT.env.json beside
// it (CPU model, load averages, date, commit) with the report tool's EnvProbe, as for JMH runs.
// Suite 1 (MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519), handshakes as PublicMessage, the
// ratchet tree in the Welcome, as on the Java side.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  acceptAll,
  createCommit,
  decodeMlsMessage,
  defaultCapabilities,
  defaultLifetime,
  emptyPskIndex,
  encodeMlsMessage,
  generateKeyPackage,
  getCiphersuiteFromName,
  getCiphersuiteImpl,
  joinGroup,
  processMessage,
} from "ts-mls";

const SUITE = "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519";
const OPS = ["add", "remove", "update"];
const PACKAGE = JSON.parse(readFileSync(new URL("./node_modules/ts-mls/package.json", import.meta.url)));

// Student-t quantiles for a two-sided 99.9% interval (0.9995), by degrees of freedom.
const T999 = [NaN, 636.62, 31.599, 12.924, 8.61, 6.869, 5.959, 5.408, 5.041, 4.781, 4.587];

const impl = await getCiphersuiteImpl(getCiphersuiteFromName(SUITE));

function b64(bytes) {
  return Buffer.from(bytes).toString("base64");
}

function unb64(text) {
  return new Uint8Array(Buffer.from(text, "base64"));
}

function decode(bytes, wireformat) {
  const decoded = decodeMlsMessage(bytes, 0);
  if (decoded === undefined || decoded[0].wireformat !== wireformat) {
    throw new Error(`expected ${wireformat}`);
  }
  return decoded[0];
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function requireSame(what, expected, found) {
  if (!sameBytes(expected, found)) {
    throw new Error(`interop failed: epoch_authenticator differs for ${what}`);
  }
}

async function newClient(name) {
  const credential = { credentialType: "basic", identity: new TextEncoder().encode(name) };
  return generateKeyPackage(credential, defaultCapabilities(), defaultLifetime, [], impl);
}

async function writeKeyPackage(dir) {
  const client = await newClient("ts-mls peer");
  writeFileSync(join(dir, "keypackage.bin"), encodeMlsMessage({
    wireformat: "mls_key_package", version: "mls10", keyPackage: client.publicPackage,
  }));
  const p = client.privatePackage;
  writeFileSync(join(dir, "keypackage-private.json"), JSON.stringify({
    initPrivateKey: b64(p.initPrivateKey),
    hpkePrivateKey: b64(p.hpkePrivateKey),
    signaturePrivateKey: b64(p.signaturePrivateKey),
  }));
}

function readPeer(dir) {
  const keyPackage = decode(readFileSync(join(dir, "keypackage.bin")), "mls_key_package").keyPackage;
  const p = JSON.parse(readFileSync(join(dir, "keypackage-private.json"), "utf8"));
  return {
    keyPackage,
    privatePackage: {
      initPrivateKey: unb64(p.initPrivateKey),
      hpkePrivateKey: unb64(p.hpkePrivateKey),
      signaturePrivateKey: unb64(p.signaturePrivateKey),
    },
  };
}

/** 8 big-endian bytes, as SealmeetGroupFixture.counter: each commit's authenticated_data. */
function counter(count) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(count));
  return out;
}

async function proposals(op) {
  switch (op) {
    case "add": return [{ proposalType: "add", add: { keyPackage: (await newClient("joiner")).publicPackage } }];
    case "remove": return [{ proposalType: "remove", remove: { removed: 1 } }];
    case "update": return [];
    default: throw new Error(`unknown op ${op}`);
  }
}

async function timeBatch(fn, minMs) {
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    await fn();
    ops++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return elapsed / ops;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Warm-up until steady, then the measured rounds: { score, scoreError, raw, warmups }. */
async function measure(fn, settings) {
  const warm = [];
  while (warm.length < 10) {
    warm.push(await timeBatch(fn, settings.warmupMs));
    if (warm.length >= 3) {
      const last = warm.slice(-3);
      const m = median(last);
      if (last.every((x) => Math.abs(x - m) <= 0.05 * m)) {
        break;
      }
    }
  }
  const raw = [];
  for (let i = 0; i < settings.rounds; i++) {
    raw.push(await timeBatch(fn, settings.roundMs));
  }
  const n = raw.length;
  const mean = raw.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : NaN;
  const t = n - 1 < T999.length ? T999[n - 1] : 3.291;
  return { score: mean, scoreError: t * sd / Math.sqrt(n), raw, warmups: warm.length };
}

function result(benchmark, params, m, settings) {
  return {
    jmhVersion: `none: benchmarks/ts-mls/bench.mjs, ts-mls ${PACKAGE.version}`,
    benchmark,
    mode: "avgt",
    threads: 1,
    forks: 1,
    jvm: process.execPath,
    jvmArgs: [],
    jdkVersion: `Node ${process.version}`,
    vmName: "V8",
    vmVersion: process.versions.v8,
    warmupIterations: "up to 10",
    warmupTime: `${settings.warmupMs} ms, until 3 within 5%`,
    warmupBatches: m.warmups,
    measurementIterations: settings.rounds,
    measurementTime: `${settings.roundMs} ms`,
    params,
    primaryMetric: {
      score: m.score,
      scoreError: m.scoreError,
      scoreConfidence: [m.score - m.scoreError, m.score + m.scoreError],
      scoreUnit: "ms/op",
      rawData: [m.raw],
    },
    secondaryMetrics: {},
  };
}

async function benchSize(dir, members, tree, peer, settings, out) {
  const sub = join(dir, `n${members}-${tree}`);
  const read = (name) => new Uint8Array(readFileSync(join(sub, name)));
  const welcome = read("welcome.bin");
  // decoded in every invocation, as the Java sides do
  const join1 = () => joinGroup(decode(welcome, "mls_welcome").welcome, peer.keyPackage,
    peer.privatePackage, emptyPskIndex, impl);
  const state = await join1();
  requireSame(`the peer joining n${members}-${tree}`, read("epoch-authenticator.bin"),
    state.keySchedule.epochAuthenticator);
  const params = { members: String(members), tree };
  // The joined group has members + 1 leaves: JoinBenchmark's members counts the joiner.
  out.push(result("dev.sealmeet.bench.JoinBenchmark.tsmls",
    { members: String(members + 1), tree }, await measure(join1, settings), settings));
  console.error(`  n${members}: joined, epoch_authenticator agrees`);

  for (const op of OPS) {
    const bytes = read(`process-${op}.bin`);
    const processOnce = () => processMessage(decode(bytes, "mls_public_message"), state,
      emptyPskIndex, acceptAll, impl);
    const processed = await processOnce();
    requireSame(`the peer processing ${op}`, read(`process-${op}-authenticator.bin`),
      processed.newState.keySchedule.epochAuthenticator);
    // the same state once more: what the timed loop repeats
    requireSame(`the peer processing ${op} again`, read(`process-${op}-authenticator.bin`),
      (await processOnce()).newState.keySchedule.epochAuthenticator);
    out.push(result("dev.sealmeet.bench.CommitProcessBenchmark.tsmls", { ...params, op },
      await measure(processOnce, settings), settings));

    const extraProposals = await proposals(op);
    let count = 0;
    const createOnce = () => createCommit({ state, cipherSuite: impl }, {
      wireAsPublicMessage: true, ratchetTreeExtension: true, extraProposals,
      authenticatedData: counter(count++),
    });
    const created = await createOnce();
    writeFileSync(join(sub, `created-${op}.bin`), encodeMlsMessage(created.commit));
    writeFileSync(join(sub, `created-${op}-authenticator.bin`),
      created.newState.keySchedule.epochAuthenticator);
    out.push(result("dev.sealmeet.bench.CommitCreateBenchmark.tsmls", { ...params, op },
      await measure(createOnce, settings), settings));
    console.error(`  n${members} ${op}: processed (epoch_authenticator agrees) and created`);
  }
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
}

async function bench(args) {
  const [dir, sizes, tree, outFile] = args;
  const settings = {
    rounds: option(args, "--rounds", 3),
    roundMs: option(args, "--round-ms", 1000),
    warmupMs: option(args, "--warmup-ms", 1000),
  };
  const peer = readPeer(dir);
  const out = [];
  for (const members of sizes.split(",").map(Number)) {
    await benchSize(dir, members, tree, peer, settings, out);
  }
  writeFileSync(outFile, JSON.stringify(out, null, 2) + "\n");
  console.error(`wrote ${outFile}`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "keypackage" && rest.length === 1) {
  await writeKeyPackage(rest[0]);
} else if (command === "bench" && rest.length >= 4) {
  await bench(rest);
} else {
  console.error("usage: node bench.mjs keypackage DIR | bench DIR SIZES TREE OUT.json "
    + "[--rounds R] [--round-ms T] [--warmup-ms W]");
  process.exit(2);
}
