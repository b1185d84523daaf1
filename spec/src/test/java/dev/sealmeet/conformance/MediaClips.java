package dev.sealmeet.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of the clips in {@code spec/vectors/media/}, split as its README says (Annex B before
 * each access unit delimiter, IVF by its frame headers, Ogg by its lacing values, the two Opus
 * header packets skipped), for {@link CodecFramesVectorGenerator}.
 */
final class MediaClips {
  static final Path ROOT = Path.of("vectors", "media");

  private MediaClips() {}

  /** Frame {@code index} of {@code clip} (a file name in {@link #ROOT}). */
  static byte[] frame(String clip, int index) {
    byte[] file = read(clip);
    List<byte[]> frames;
    if (clip.endsWith(".ivf")) {
      frames = ivf(file);
    } else if (clip.endsWith(".ogg")) {
      frames = ogg(file);
    } else {
      frames = annexB(file, clip.endsWith(".h265"));
    }
    return frames.get(index);
  }

  private static byte[] read(String clip) {
    try {
      return Files.readAllBytes(ROOT.resolve(clip));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<byte[]> annexB(byte[] stream, boolean h265) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i + 3 < stream.length; i++) {
      if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
        int type = h265 ? (stream[i + 3] >> 1) & 0x3f : stream[i + 3] & 0x1f;
        if (type == (h265 ? 35 : 9)) {
          cuts.add(i > 0 && stream[i - 1] == 0 ? i - 1 : i);
        }
      }
    }
    List<byte[]> out = new ArrayList<>();
    for (int k = 0; k < cuts.size(); k++) {
      int end = k + 1 < cuts.size() ? cuts.get(k + 1) : stream.length;
      out.add(Arrays.copyOfRange(stream, cuts.get(k), end));
    }
    return out;
  }

  private static List<byte[]> ivf(byte[] file) {
    if (!new String(file, 0, 4, StandardCharsets.US_ASCII).equals("DKIF")) {
      throw new IllegalArgumentException("not an IVF file");
    }
    List<byte[]> out = new ArrayList<>();
    for (int at = 32; at < file.length; ) {
      int size = (file[at] & 0xff) | (file[at + 1] & 0xff) << 8 | (file[at + 2] & 0xff) << 16
          | (file[at + 3] & 0xff) << 24;
      out.add(Arrays.copyOfRange(file, at + 12, at + 12 + size));
      at += 12 + size;
    }
    return out;
  }

  private static List<byte[]> ogg(byte[] file) {
    List<byte[]> packets = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    for (int at = 0; at < file.length; ) {
      int segments = file[at + 26] & 0xff;
      int data = at + 27 + segments;
      for (int s = 0; s < segments; s++) {
        int lacing = file[at + 27 + s] & 0xff;
        current.write(file, data, lacing);
        data += lacing;
        if (lacing < 255) {
          packets.add(current.toByteArray());
          current.reset();
        }
      }
      at = data;
    }
    return packets.subList(2, packets.size());
  }
}
