package dev.sealmeet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files replaced atomically and durably: the new content goes to a temporary file in the target's
 * directory, is forced to the device, renamed over the target in one step, and the directory is
 * forced so that the rename itself survives a crash. A reader, or a process started after a crash
 * at any point, sees the old file or the new one, never a mix.
 *
 * <p>Files and directories are created for the owner only where the file system is POSIX (the
 * temporary file already is, as {@link Files#createTempFile} makes it).
 */
final class AtomicFiles {
  /** The suffix of temporary files; whatever ends in it is left over from a crash. */
  static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Replaces {@code target} by {@code bytes}; its directory must exist. */
  static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, target.getFileName() + ".", TEMP_SUFFIX);
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
  }

  /**
   * Creates {@code dir} (owner-only on POSIX) if it is missing, and makes its entry in the parent
   * durable. The parent must exist.
   */
  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (isPosix(dir.toAbsolutePath().getParent())) {
        FileAttribute<?> ownerOnly =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectory(dir, ownerOnly);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      if (!Files.isDirectory(dir)) {
        throw raced;
      }
      return;
    }
    syncDirectory(dir.toAbsolutePath().getParent());
  }

  /** Forces {@code dir}'s entries (renames, creations, deletions) to the device. */
  static void syncDirectory(Path dir) throws IOException {
    if (!isPosix(dir)) {
      // Windows opens no directory as a file; NTFS journals renames and creations itself.
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Deletes {@code file} if it exists, then makes the deletion durable. */
  static void delete(Path file) throws IOException {
    if (Files.deleteIfExists(file)) {
      syncDirectory(file.toAbsolutePath().getParent());
    }
  }

  /** Deletes the temporary files a crash left in {@code dir}; a missing directory has none. */
  static void deleteTempFiles(Path dir) throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (NoSuchFileException missing) {
      // nothing to clean
    }
  }

  static boolean isPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
