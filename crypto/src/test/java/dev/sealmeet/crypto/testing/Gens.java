package dev.sealmeet.crypto.testing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators shared by the property tests ({@code FooProperties}) of crypto and, through
 * crypto's test-jar, protocol.
 *
 * <p>Numbers shrink towards zero, or towards the bound nearest to it; arrays and lists shrink in
 * length and content. Byte arrays print as hex, so a shrunk counterexample in a failure report can
 * be read and pasted into a unit test.
 */
public final class Gens {
  private static final HexFormat HEX = HexFormat.of();

  private Gens() {}

  /** Integers in {@code [min, max]}. */
  public static Gen<Integer> ints(int min, int max) {
    return Generate.range(min, max);
  }

  /** Integers in {@code [0, Integer.MAX_VALUE]}. */
  public static Gen<Integer> nonNegativeInts() {
    return ints(0, Integer.MAX_VALUE);
  }

  /** Longs in {@code [min, max]}. */
  public static Gen<Long> longs(long min, long max) {
    return Generate.longRange(min, max);
  }

  /** Every long. */
  public static Gen<Long> anyLong() {
    return longs(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Every byte. */
  public static Gen<Byte> anyByte() {
    return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
  }

  /** {@code false} or {@code true}. */
  public static Gen<Boolean> booleans() {
    return Generate.booleans();
  }

  /** One constant of {@code type}. */
  public static <T extends Enum<T>> Gen<T> enums(Class<T> type) {
    return Generate.enumValues(type);
  }

  /** Arrays of any bytes, {@code 0} to {@code maxLength} long. */
  public static Gen<byte[]> bytes(int maxLength) {
    return bytes(0, maxLength);
  }

  /** Arrays of any bytes, {@code minLength} to {@code maxLength} long, printed as hex. */
  public static Gen<byte[]> bytes(int minLength, int maxLength) {
    return Generate.byteArrays(ints(minLength, maxLength), anyByte()).describedAs(Gens::hex);
  }

  /** Arrays of exactly {@code length} bytes. */
  public static Gen<byte[]> fixedBytes(int length) {
    return bytes(length, length);
  }

  /** Lists of {@code minSize} to {@code maxSize} elements, printed in the elements' form. */
  public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
    Gen<Integer> sizes = ints(minSize, maxSize);
    Gen<List<T>> lists = source -> {
      int size = sizes.generate(source);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(element.generate(source));
      }
      return list;
    };
    return lists.describedAs(list -> list.stream().map(element::asString)
        .collect(Collectors.joining(", ", "[", "]")));
  }

  /** Lowercase hex, {@code ""} for an empty array. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
