package dev.sealmeet.sframe.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encoded media of {@code spec/vectors/media/} split into frames without a demuxer (see the
 * README there): Annex B at access unit delimiters, IVF by its frame headers, Ogg by its pages.
 */
public final class MediaFiles {
  static final Path ROOT = Path.of("..", "spec", "vectors", "media");

  private MediaFiles() {}

  /** The frames of the clip for {@code codec}. */
  public static List<byte[]> frames(MediaCodec codec) {
    switch (codec) {
      case H264:
        return annexB(read("h264-2slices.h264"), false);
      case H265:
        return annexB(read("h265-temporal.h265"), true);
      case VP8:
        return ivf(read("vp8-temporal.ivf"), "VP80");
      case VP9:
        return ivf(read("vp9-superframes.ivf"), "VP90");
      case AV1:
        return ivf(read("av1.ivf"), "AV01");
      case OPUS:
        return oggPackets(read("opus.ogg"));
      default:
        throw new AssertionError(codec);
    }
  }

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(ROOT.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Access units, split before each access unit delimiter (H.264 type 9, H.265 type 35). */
  static List<byte[]> annexB(byte[] stream, boolean h265) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i + 3 < stream.length; i++) {
      if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
        int type = h265 ? (stream[i + 3] >> 1) & 0x3f : stream[i + 3] & 0x1f;
        if (type == (h265 ? 35 : 9)) {
          cuts.add(i > 0 && stream[i - 1] == 0 ? i - 1 : i); // keep a 4-byte start code whole
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

  /** IVF: a 32-byte file header, then per frame a 12-byte header (size LE32, timestamp LE64). */
  static List<byte[]> ivf(byte[] file, String fourcc) {
    if (!new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("DKIF")
        || !new String(file, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(fourcc)) {
      throw new IllegalArgumentException("not an IVF file of " + fourcc);
    }
    List<byte[]> out = new ArrayList<>();
    int at = 32;
    while (at < file.length) {
      int size = (file[at] & 0xff) | (file[at + 1] & 0xff) << 8 | (file[at + 2] & 0xff) << 16
          | (file[at + 3] & 0xff) << 24;
      out.add(Arrays.copyOfRange(file, at + 12, at + 12 + size));
      at += 12 + size;
    }
    return out;
  }

  /** The packets of an Ogg Opus file after OpusHead and OpusTags (RFC 7845 §3). */
  static List<byte[]> oggPackets(byte[] file) {
    List<byte[]> packets = new ArrayList<>();
    java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
    int at = 0;
    while (at < file.length) {
      if (file[at] != 'O' || file[at + 1] != 'g' || file[at + 2] != 'g' || file[at + 3] != 'S') {
        throw new IllegalArgumentException("no Ogg page at " + at);
      }
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
