package dev.sealmeet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.meeting.MeetingStore;
import dev.sealmeet.meeting.StateKey;
import dev.sealmeet.meeting.StateRecord;
import dev.sealmeet.meeting.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Keys, secrets and file tricks the store tests share. */
final class StoreTesting {
  static final byte[] MEETING = "meeting-1".getBytes(StandardCharsets.UTF_8);
  static final byte[] OTHER_MEETING = "meeting-2".getBytes(StandardCharsets.UTF_8);
  static final StateKey ALICE = new StateKey(MEETING, "alice", StateKey.MEETING);
  static final StateKey ALICE_MARKS = new StateKey(MEETING, "alice", StateKey.MEDIA_MARKS);
  static final StateKey BOB = new StateKey(MEETING, "bob", StateKey.MEETING);
  static final StateKey ALICE_ELSEWHERE = new StateKey(OTHER_MEETING, "alice", StateKey.MEETING);
  private static final SecureRandom RANDOM = new SecureRandom();

  private StoreTesting() {}

  static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Every regular file under {@code dir}. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).collect(ArrayList::new, List::add, List::addAll);
    }
  }

  /** Every {@code window}-byte run of {@code secret}. */
  static Set<ByteBuffer> windows(byte[] secret, int window) {
    Set<ByteBuffer> runs = new HashSet<>();
    for (int i = 0; i + window <= secret.length; i++) {
      runs.add(ByteBuffer.wrap(Arrays.copyOfRange(secret, i, i + window)));
    }
    return runs;
  }

  /** Whether a run of {@code runs} (all {@code window} bytes long) occurs in {@code haystack}. */
  static boolean containsAny(byte[] haystack, Set<ByteBuffer> runs, int window) {
    for (int i = 0; i + window <= haystack.length; i++) {
      if (runs.contains(ByteBuffer.wrap(haystack, i, window).slice())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes versions 1 and 2 of {@code key} through {@code store}, then puts the file of version 1
   * back where {@code files} (the store, or the directory under it) keeps it. Returns version 1.
   */
  static StateRecord rollBack(MeetingStore store, DirectoryStore files, StateKey key)
      throws StorageException, IOException {
    StateRecord first = new StateRecord(key, 1, random(64));
    store.write(first);
    byte[] oldFile = Files.readAllBytes(files.recordPath(key));
    store.write(new StateRecord(key, 2, random(64)));
    Files.write(files.recordPath(key), oldFile);
    return first;
  }

  /** A file operation a test expects to fail with a {@link StorageException}. */
  @FunctionalInterface
  interface Opening {
    void open() throws StorageException;
  }

  /**
   * Flips each bit of {@code file} in turn and checks that {@code open} fails with a {@link
   * StorageException} every time; restores the file afterwards. Returns how many flips were tried.
   */
  static int everyBitFlipFails(Path file, Opening open) throws IOException {
    byte[] original = Files.readAllBytes(file);
    try {
      for (int bit = 0; bit < original.length * 8; bit++) {
        byte[] flipped = original.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        Files.write(file, flipped);
        int at = bit;
        assertThatThrownBy(open::open).as("bit %d of %s", at, file.getFileName())
            .isInstanceOf(StorageException.class);
      }
    } finally {
      Files.write(file, original);
    }
    assertThat(original).isNotEmpty();
    return original.length * 8;
  }
}
