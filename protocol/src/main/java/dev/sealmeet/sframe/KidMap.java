package dev.sealmeet.sframe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * An open-addressing map from KID (unsigned 64-bit) to a key context, so that the frame path looks up a
 * key without boxing the KID. Linear probing, power-of-two capacity, load at most one half, deletion by
 * backward shift. Not thread-safe; {@link FrameKeyStore} publishes copies that are never changed again.
 *
 * @param <V> the key context type
 */
final class KidMap<V> {
  private long[] kids = new long[16];
  private Object[] values = new Object[16];
  private int size;

  int size() {
    return size;
  }

  /** An independent copy with the same entries. */
  KidMap<V> copy() {
    KidMap<V> out = new KidMap<>();
    out.kids = kids.clone();
    out.values = values.clone();
    out.size = size;
    return out;
  }

  /** The value for {@code kid}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V get(long kid) {
    int mask = kids.length - 1;
    for (int i = slot(kid, mask); values[i] != null; i = (i + 1) & mask) {
      if (kids[i] == kid) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Adds {@code kid}; the caller has checked that it is absent. */
  void put(long kid, V value) {
    if (2 * (size + 1) > kids.length) {
      grow();
    }
    insert(kid, value);
    size++;
  }

  private void insert(long kid, Object value) {
    int mask = kids.length - 1;
    int i = slot(kid, mask);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    kids[i] = kid;
    values[i] = value;
  }

  /** Removes and returns the value for {@code kid}, or {@code null}. */
  @SuppressWarnings("unchecked")
  V remove(long kid) {
    int mask = kids.length - 1;
    int i = slot(kid, mask);
    while (values[i] != null && kids[i] != kid) {
      i = (i + 1) & mask;
    }
    Object removed = values[i];
    if (removed == null) {
      return null;
    }
    values[i] = null;
    size--;
    // Backward-shift deletion: move later entries of the probe run into the hole where allowed.
    int hole = i;
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(kids[j], mask);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        kids[hole] = kids[j];
        values[hole] = values[j];
        values[j] = null;
        hole = j;
      }
    }
    return (V) removed;
  }

  /** The KIDs that match {@code filter}. */
  List<Long> kidsMatching(LongPredicate filter) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < kids.length; i++) {
      if (values[i] != null && filter.test(kids[i])) {
        out.add(kids[i]);
      }
    }
    return out;
  }

  private void grow() {
    long[] oldKids = kids;
    Object[] oldValues = values;
    kids = new long[oldKids.length * 2];
    values = new Object[oldValues.length * 2];
    for (int i = 0; i < oldKids.length; i++) {
      if (oldValues[i] != null) {
        insert(oldKids[i], oldValues[i]);
      }
    }
  }

  private static int slot(long kid, int mask) {
    long h = kid * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
