package dev.sealmeet.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link VectorRoot} looks, in which order, and how it fails. */
class VectorRootTest {
  private static final Download OFFLINE = source -> {
    throw new UnknownHostException(source.getHost());
  };

  @TempDir Path tmp;

  /** A checkout at {@code tmp/repo} with nothing beside it. */
  private Path checkout() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo").resolve("module"));
    Files.writeString(repo.getParent().resolve("sealmeet"), "#!/bin/sh\n");
    Files.writeString(repo.getParent().resolve("pom.xml"), "<project/>\n");
    return repo;
  }

  private Lookup lookup(Map<String, String> properties, Download download) throws IOException {
    return new Lookup(properties::get, name -> null, checkout(), tmp.resolve("cache"), download);
  }

  /** A set of two small files, served from {@code tmp/upstream}. */
  private PinnedSet smallSet() throws IOException {
    Path upstream = Files.createDirectories(tmp.resolve("upstream").resolve("mls"));
    Files.writeString(upstream.resolve("a.json"), "[1]", StandardCharsets.UTF_8);
    Files.writeString(upstream.resolve("b.json"), "[2]", StandardCharsets.UTF_8);
    Manifest manifest = new Manifest(List.of(
        pin(upstream, "a.json"), pin(upstream, "b.json")));
    return PinnedSet.OFFICIAL_VECTORS.withManifest(manifest.servedFrom(upstream.getParent()));
  }

  private static PinnedFile pin(Path folder, String name) throws IOException {
    return new PinnedFile("mls/" + name, Sha256.of(folder.resolve(name)), URI.create("https://x/"));
  }

  @Test
  void nothingBesideTheCheckoutAndNoNetwork_failsNamingEveryPlaceLooked() throws IOException {
    Lookup lookup = lookup(Map.of(), OFFLINE);
    assertThatThrownBy(() -> VectorRoot.locate(PinnedSet.OFFICIAL_VECTORS, lookup))
        .isInstanceOf(VectorsUnavailableException.class)
        .hasMessageContaining("official test vectors not found")
        .hasMessageContaining("-Dsealmeet.vectors and $SEALMEET_VECTORS: not set")
        .hasMessageContaining(tmp.resolve("shared").resolve("vectors") + " (the shared folder")
        .hasMessageContaining(tmp.resolve("cache").resolve("vectors") + " (download cache): "
            + PinnedSet.OFFICIAL_VECTORS.manifest().files().size() + " of")
        .hasMessageContaining("UnknownHostException: raw.githubusercontent.com")
        .hasMessageContaining("official-vectors.pins");
    try (var written = Files.walk(tmp.resolve("cache"))) {
      assertThat(written.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void interopScriptsMissing_failsNamingTheirFolder() throws IOException {
    Lookup lookup = lookup(Map.of(), OFFLINE);
    assertThatThrownBy(() -> VectorRoot.locate(PinnedSet.INTEROP_CONFIGS, lookup))
        .isInstanceOf(VectorsUnavailableException.class)
        .hasMessageContaining("MLS interop scenario scripts not found")
        .hasMessageContaining(tmp.resolve("shared").resolve("interop/configs").toString())
        .hasMessageContaining("SEALMEET_INTEROP_CONFIGS");
  }

  @Test
  void namedFolder_isUsedOrIsAnError() throws IOException {
    PinnedSet set = smallSet();
    Path upstream = tmp.resolve("upstream");
    assertThat(VectorRoot.locate(set, lookup(Map.of("sealmeet.vectors", upstream.toString()),
        OFFLINE))).isEqualTo(upstream.toAbsolutePath());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> VectorRoot.locate(set,
        lookup(Map.of("sealmeet.vectors", empty.toString()), OFFLINE)))
        .isInstanceOf(VectorsUnavailableException.class)
        .hasMessageContaining(empty + " (the folder named by -Dsealmeet.vectors")
        .hasMessageContaining("lacks 2 of 2 pinned files, first mls/a.json");
  }

  @Test
  void sharedFolderBesideTheCheckout_isUsedAndMustMatchItsPins() throws IOException {
    PinnedSet set = smallSet();
    Path shared = Files.createDirectories(tmp.resolve("shared").resolve("vectors").resolve("mls"));
    Files.writeString(shared.resolve("a.json"), "[1]");
    Files.writeString(shared.resolve("b.json"), "[2]");
    assertThat(VectorRoot.locate(set, lookup(Map.of(), OFFLINE))).isEqualTo(shared.getParent());
    Files.writeString(shared.resolve("b.json"), "[3]");
    assertThatThrownBy(() -> VectorRoot.locate(set, lookup(Map.of(), OFFLINE)))
        .isInstanceOf(PinMismatchException.class)
        .hasMessageContaining("mls/b.json from " + shared.getParent());
  }

  @Test
  void pinnedFilesServedFromFileUrls_areFetchedIntoTheCacheOnce() throws IOException {
    Path official = VectorRoot.official();
    PinnedSet set = PinnedSet.OFFICIAL_VECTORS
        .withManifest(PinnedSet.OFFICIAL_VECTORS.manifest().servedFrom(official));
    Path cache = VectorRoot.locate(set, lookup(Map.of(), Download.URL_CONNECTION));
    assertThat(cache).isEqualTo(tmp.resolve("cache").resolve("vectors").toAbsolutePath());
    assertThat(set.manifest().staleIn(cache)).isEmpty();
    assertThat(Files.readAllBytes(cache.resolve("mls/welcome.json")))
        .isEqualTo(Files.readAllBytes(official.resolve("mls/welcome.json")));
    // Filled: a second look needs no network.
    assertThat(VectorRoot.locate(set, lookup(Map.of(), OFFLINE))).isEqualTo(cache);
  }

  @Test
  void fileUrlServingOtherBytes_failsAndLeavesNothingInTheCache() throws IOException {
    PinnedSet set = smallSet();
    Files.writeString(tmp.resolve("upstream").resolve("mls").resolve("b.json"), "[2] ");
    assertThatThrownBy(() -> VectorRoot.locate(set, lookup(Map.of(), Download.URL_CONNECTION)))
        .isInstanceOfSatisfying(PinMismatchException.class, e -> {
          assertThat(e.path()).isEqualTo("mls/b.json");
          assertThat(e.expected()).isEqualTo(set.manifest().files().get(1).sha256());
          assertThat(e.actual()).isNotEqualTo(e.expected());
        })
        .hasMessageContaining("file:");
    Path cached = tmp.resolve("cache").resolve("vectors").resolve("mls");
    try (var files = Files.list(cached)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.json");
    }
  }

  @Test
  void staleCacheFile_isFetchedAgain() throws IOException {
    PinnedSet set = smallSet();
    Path cache = VectorRoot.locate(set, lookup(Map.of(), Download.URL_CONNECTION));
    Files.writeString(cache.resolve("mls/a.json"), "[9]");
    assertThat(VectorRoot.locate(set, lookup(Map.of(), Download.URL_CONNECTION))).isEqualTo(cache);
    assertThat(Files.readString(cache.resolve("mls/a.json"))).isEqualTo("[1]");
  }

  @Test
  void checkoutIsFoundFromAModuleFolderOrFromSealmeetHome() throws IOException {
    Path module = checkout();
    Lookup walking = new Lookup(name -> null, name -> null, module, tmp, OFFLINE);
    assertThat(walking.repositoryRoot()).contains(module.getParent());
    Lookup home = new Lookup(Map.of("sealmeet.home", "/x/y")::get, name -> null, tmp, tmp, OFFLINE);
    assertThat(home.repositoryRoot()).contains(Path.of("/x/y"));
    assertThat(VectorRoot.own(home)).isEqualTo(Path.of("/x/y/spec/vectors"));
    Lookup nowhere = new Lookup(name -> null, name -> null, tmp, tmp, OFFLINE);
    assertThatThrownBy(() -> VectorRoot.own(nowhere))
        .isInstanceOf(VectorsUnavailableException.class)
        .hasMessageContaining("no Sealmeet checkout at or above " + tmp);
  }
}
