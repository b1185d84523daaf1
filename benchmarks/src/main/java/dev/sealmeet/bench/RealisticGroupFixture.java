package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.BenchmarkSeats;
import dev.sealmeet.mls.group.CommitRequest;
import dev.sealmeet.mls.group.GroupConfig;
import dev.sealmeet.mls.group.KeyPackageBundle;
import dev.sealmeet.mls.group.MlsGroup;
import dev.sealmeet.mls.group.PskStore;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.mls.message.Capabilities;
import dev.sealmeet.mls.message.ProtocolVersion;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * Groups whose tree looks lived-in, for the group benchmarks' {@code tree} parameter (issue 20):
 * grown by one path-less Add commit as {@link SealmeetGroupFixture#grow} does, then members commit
 * once each with a path ({@code realistic}: all of them; {@code half}: a seeded random half), in
 * bit-reversed leaf order. Only leaf 0, the benchmarks' viewpoint, processes those commits, with
 * every RFC 9420 check; each committer is seated in leaf 0's epoch for its one commit (the
 * protocol's package-private {@code SeatedMember}, through {@link BenchmarkSeats}). The last leaf
 * commits last and is kept as a second current member.
 *
 * <p>Building takes a while at 1,000 members and more (see {@code benchmarks/README.md}), so the
 * two members' states are saved ({@link MlsGroup#toBytes}) with their signing identities, under
 * {@code ~/.cache/sealmeet-bench/} (or the directory of system property {@code
 * sealmeet.bench.fixtures}), one file per suite, size, tree and {@link #FORMAT}, and later loaded
 * by {@link MlsGroup#fromBytes}. The files hold private keys of throw-away groups; never commit
 * them. Run {@code main} to build them ahead of a benchmark and print the build times.
 */
public final class RealisticGroupFixture {
  /** The cache file format; bump it when the build or the saved state changes. */
  static final int FORMAT = 1;
  /** The seed of the {@code half} tree's choice of committers. */
  static final long SEED = 20;
  /** KeyPackage validity: a cached group's unmerged KeyPackage leaves must outlive the cache. */
  static final Duration VALIDITY = Duration.ofDays(365);
  /** Cache files older than this are rebuilt (well inside {@link #VALIDITY}). */
  static final Duration MAX_AGE = Duration.ofDays(180);

  /** Commits between progress lines. */
  private static final int PROGRESS_STEP = 500;
  /** Whether {@link #build} prints its progress (set by {@link #main}). */
  private static boolean progress;

  private RealisticGroupFixture() {}

  /** Leaf 0 and the last leaf, both current in the same epoch; {@code last} is null at 1 member. */
  record Members(MlsGroup viewpoint, MlsGroup last) {
    /** Wipes both groups. */
    void close() {
      viewpoint.close();
      if (last != null) {
        last.close();
      }
    }
  }

  /**
   * The fraction of members that commit for a {@code tree} parameter value.
   *
   * @throws IllegalArgumentException for {@code fresh} (no member commits) or an unknown value
   */
  static double fraction(String tree) {
    switch (tree) {
      case "realistic": return 1.0;
      case "half": return 0.5;
      default: throw new IllegalArgumentException("not a committed tree: " + tree);
    }
  }

  /** The cache directory. */
  static Path directory() {
    String dir = System.getProperty("sealmeet.bench.fixtures");
    return dir != null ? Paths.get(dir)
        : Paths.get(System.getProperty("user.home"), ".cache", "sealmeet-bench");
  }

  static Path file(int suite, int members, String tree) {
    return directory().resolve(String.format("mls-suite%d-n%d-%s-v%d.bin", suite, members, tree,
        FORMAT));
  }

  /**
   * The {@code members}-member group of shape {@code tree} ({@code realistic} or {@code half}),
   * loaded from the cache, or built and saved there.
   */
  static Members load(SealmeetGroupFixture fixture, int members, String tree)
      throws SealmeetException, IOException {
    Path file = file(fixture.suite.id(), members, tree);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        Members loaded = read(fixture, new DataInputStream(in));
        if (loaded != null) {
          return loaded;
        }
      } catch (SealmeetException | IOException e) {
        System.err.println("rebuilding " + file + ": " + e.getMessage());
      }
    }
    Members built = build(fixture, members, fraction(tree));
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      write(fixture, built, new DataOutputStream(out));
    } finally {
      built.close();
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    // Read back, so a benchmark always runs on restored state under the benchmark's own config.
    try (InputStream in = Files.newInputStream(file)) {
      return read(fixture, new DataInputStream(in));
    }
  }

  /**
   * Builds the group: grown by one Add commit, then the committers' commits. The members keep no
   * past epochs while building: retiring an epoch for late messages (RFC 9420 §14) derives every
   * member's application ratchet, O(N) per commit, so O(N²) over the build; the saved states are
   * restored under the benchmark's config.
   */
  static Members build(SealmeetGroupFixture fixture, int members, double fraction)
      throws SealmeetException {
    long started = System.nanoTime();
    GroupConfig config = fixture.config.withPastEpochs(0);
    SigningIdentity[] identities = new SigningIdentity[members];
    KeyPackageBundle[] keyPackages = new KeyPackageBundle[members];
    Capabilities capabilities = new Capabilities(List.of(ProtocolVersion.MLS10),
        List.of(fixture.suite.id()), List.of(), List.of(), List.of(1));
    CommitRequest add = CommitRequest.empty();
    for (int i = 0; i < members; i++) {
      identities[i] = SigningIdentity.generate(fixture.suite,
          new BasicCredential(("member " + i).getBytes(StandardCharsets.UTF_8)));
      keyPackages[i] = KeyPackageBundle.create(fixture.suite, identities[i], capabilities,
          VALIDITY, false, List.of(), config);
      if (i > 0) {
        add = add.add(keyPackages[i].keyPackage());
      }
    }
    byte[] groupId = new byte[32];
    new SecureRandom().nextBytes(groupId);
    MlsGroup viewpoint = MlsGroup.create(keyPackages[0], identities[0], groupId, List.of(),
        new PskStore(), config);
    if (members > 1) {
      viewpoint.commit(add);
      viewpoint.mergePendingCommit();
    }
    if (progress) {
      System.err.printf("  %d KeyPackages and the Add commit in %.1f s%n", members,
          (System.nanoTime() - started) / 1e9);
    }
    List<Long> order = BenchmarkSeats.order(members, fraction, SEED);
    MlsGroup last = null;
    long start = System.nanoTime();
    for (int from = 0; from < order.size(); from += PROGRESS_STEP) {
      int to = Math.min(order.size(), from + PROGRESS_STEP);
      last = BenchmarkSeats.replay(viewpoint, leaf -> identities[(int) leaf],
          leaf -> keyPackages[(int) leaf], order.subList(from, to), members - 1L, config);
      if (progress) {
        System.err.printf("  %d of %d commits in %.1f s%n", to, order.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
    return new Members(viewpoint, last);
  }

  private static void write(SealmeetGroupFixture fixture, Members m, DataOutputStream out)
      throws IOException {
    out.writeInt(FORMAT);
    out.writeLong(System.currentTimeMillis());
    writeMember(fixture, m.viewpoint(), out);
    out.writeBoolean(m.last() != null);
    if (m.last() != null) {
      writeMember(fixture, m.last(), out);
    }
  }

  private static void writeMember(SealmeetGroupFixture fixture, MlsGroup group,
      DataOutputStream out) throws IOException {
    writeBytes(out, BenchmarkSeats.identity(group).exportSecret(fixture.suite));
    writeBytes(out, group.toBytes());
  }

  /** The saved members, or null if the file is of another format or too old. */
  private static Members read(SealmeetGroupFixture fixture, DataInputStream in)
      throws IOException, SealmeetException {
    if (in.readInt() != FORMAT
        || System.currentTimeMillis() - in.readLong() > MAX_AGE.toMillis()) {
      return null;
    }
    // Under the benchmark's config, not the build's.
    MlsGroup viewpoint = readMember(fixture, in);
    MlsGroup last = in.readBoolean() ? readMember(fixture, in) : null;
    return new Members(viewpoint, last);
  }

  private static MlsGroup readMember(SealmeetGroupFixture fixture, DataInputStream in)
      throws IOException, SealmeetException {
    SigningIdentity identity = SigningIdentity.importSecret(fixture.suite, readBytes(in));
    return MlsGroup.fromBytes(readBytes(in), identity, new PskStore(), fixture.config);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (1 << 30)) {
      throw new IOException("bad length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /**
   * Builds (or rebuilds) the cached groups and prints how long each took: {@code members} as a
   * comma-separated list (default 2,10,100,1000), trees likewise (default realistic,half).
   */
  public static void main(String[] args) throws Exception {
    String sizes = args.length > 0 ? args[0] : "2,10,100,1000";
    String trees = args.length > 1 ? args[1] : "realistic,half";
    SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    progress = true;
    for (String tree : trees.split(",")) {
      for (String size : sizes.split(",")) {
        int members = Integer.parseInt(size.trim());
        Files.deleteIfExists(file(fixture.suite.id(), members, tree));
        long start = System.nanoTime();
        Members m = load(fixture, members, tree);
        long built = System.nanoTime();
        Members again = load(fixture, members, tree);
        long loaded = System.nanoTime();
        System.out.printf("%s N=%d: built and saved in %.1f s, loaded in %.2f s (%d bytes)%n",
            tree, members, (built - start) / 1e9, (loaded - built) / 1e9,
            Files.size(file(fixture.suite.id(), members, tree)));
        m.close();
        again.close();
      }
    }
  }
}
