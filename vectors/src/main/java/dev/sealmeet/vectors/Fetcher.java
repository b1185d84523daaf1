package dev.sealmeet.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * Fetches pinned files into a folder. Each file is written beside its target, its SHA-256 checked,
 * and only then moved into place, so the folder never holds a partial or unpinned file.
 */
final class Fetcher {
  private final Download download;

  Fetcher(Download download) {
    this.download = download;
  }

  /**
   * Fetches every file of {@code files} into {@code folder}.
   *
   * @throws IOException if a source cannot be reached or read, or the folder cannot be written
   * @throws PinMismatchException if a source serves bytes with another SHA-256
   */
  void fetch(List<PinnedFile> files, Path folder) throws IOException {
    for (PinnedFile file : files) {
      fetchOne(file, folder.resolve(file.path()));
    }
  }

  private void fetchOne(PinnedFile file, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      MessageDigest digest = Sha256.digest();
      try (InputStream in = download.open(file.source());
          OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
        in.transferTo(out);
      }
      String actual = Sha256.hex(digest);
      if (!actual.equals(file.sha256())) {
        throw new PinMismatchException(
            file.path(), file.source().toString(), file.sha256(), actual);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
