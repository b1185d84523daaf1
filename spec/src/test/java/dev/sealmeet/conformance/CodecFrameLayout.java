package dev.sealmeet.conformance;

import dev.sealmeet.sframe.codec.ClearMap;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things sit in a codec-aware frame on the wire ({@code protocol.md} §2.8), read by this
 * test code on its own (not with the reader under test) so that {@link CodecFramesInvalidCases}
 * can aim its edits: the footer, the trailer, the wire offset of each clear range, and, in mode 1,
 * each run's final {@code 0x03} and each inserted escape byte.
 *
 * @param mode the marker's mode, 0 or 1
 * @param bodyEnd the wire offset where the trailer begins
 * @param trailer the trailer unescaped: SFrame header ‖ ClearMap ‖ tag
 * @param clearAt the wire offset of each clear range of the map
 * @param runEnds the wire offset of each encrypted run's final {@code 0x03} (mode 1)
 * @param escapes the wire offset of each inserted escape byte in the body (mode 1)
 */
record CodecFrameLayout(int mode, int bodyEnd, byte[] trailer, int[] clearAt, List<Integer> runEnds,
    List<Integer> escapes) {

  /** Reads {@code wire}, a well-formed frame whose map is {@code map}. */
  static CodecFrameLayout of(byte[] wire, ClearMap map) {
    int n = wire.length;
    int mode = (wire[n - 1] & 0xff) - 0xA0;
    int bodyEnd = n - 3 - (((wire[n - 3] & 0xff) << 8) | (wire[n - 2] & 0xff));
    int[] clearAt = new int[map.rangeCount()];
    List<Integer> runEnds = new ArrayList<>();
    List<Integer> escapes = new ArrayList<>();
    int w = 0;
    int from = 0;
    for (int i = 0; i <= map.rangeCount(); i++) {
      int to = i < map.rangeCount() ? map.start(i) : map.frameLength();
      if (to > from && mode == 0) {
        w += to - from;
      } else if (to > from) {
        int zeros = zerosBefore(wire, w);
        for (int produced = 0; produced < to - from; w++) {
          int b = wire[w] & 0xff;
          if (zeros >= 2 && b == 3) {
            escapes.add(w);
            zeros = 0;
            continue;
          }
          produced++;
          zeros = b == 0 ? zeros + 1 : 0;
        }
        runEnds.add(w++);
      }
      if (i < map.rangeCount()) {
        clearAt[i] = w;
        w += map.length(i);
        from = to + map.length(i);
      }
    }
    byte[] trailer = mode == 0 ? java.util.Arrays.copyOfRange(wire, bodyEnd, n - 3)
        : unescape(wire, bodyEnd, n - 4);
    return new CodecFrameLayout(mode, bodyEnd, trailer, clearAt, runEnds, escapes);
  }

  /** The wire offset of the first body escape followed by {@code 0x00}–{@code 0x02}, or -1. */
  int escapeBeforeStartCode(byte[] wire) {
    for (int at : escapes) {
      if ((wire[at + 1] & 0xff) <= 2) {
        return at;
      }
    }
    return -1;
  }

  /** The zero bytes (at most 2) just before wire offset {@code at}. */
  static int zerosBefore(byte[] wire, int at) {
    int zeros = 0;
    for (int i = at - 1; i >= 0 && zeros < 2 && wire[i] == 0; i--) {
      zeros++;
    }
    return zeros;
  }

  /** The run {@code wire[from..end)} (its final byte excluded) with its escape bytes removed. */
  private static byte[] unescape(byte[] wire, int from, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int zeros = zerosBefore(wire, from);
    for (int w = from; w < end; w++) {
      int b = wire[w] & 0xff;
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      out.write(b);
      zeros = b == 0 ? zeros + 1 : 0;
    }
    return out.toByteArray();
  }

  /** {@code run} escaped for mode 1 after {@code zerosBefore} zero bytes, its final 0x03 included. */
  static byte[] escape(byte[] run, int zerosBefore) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int zeros = zerosBefore;
    for (byte value : run) {
      int b = value & 0xff;
      if (zeros >= 2 && b <= 3) {
        out.write(3);
        zeros = 0;
      }
      out.write(b);
      zeros = b == 0 ? zeros + 1 : 0;
    }
    out.write(3);
    return out.toByteArray();
  }
}
