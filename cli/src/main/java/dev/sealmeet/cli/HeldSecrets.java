package dev.sealmeet.cli;

import dev.sealmeet.crypto.Secret;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every live {@link Secret} a participant of {@code demo --network} holds, found by walking its
 * objects: the MLS epoch secrets (RFC 9420 §8: sender data, encryption, exporter, external,
 * confirmation, membership, resumption, authenticator, init), the secret tree's ratchets, the
 * tree's HPKE private keys, KeyPackage init keys, the signature key, the media base keys. Demo
 * only: it reads Sealmeet's private fields by reflection (the class path, not the module path) and
 * copies the secrets out, so that {@link StoreScan} can look for each in the server's store.
 *
 * <p>It follows the fields of Sealmeet's own classes, and the elements of collections, maps,
 * optionals, atomic references and arrays; no other object's fields. A secret already erased is
 * skipped; so are secrets shorter than 8 bytes and those of one repeated byte (an all-zero PSK
 * secret of RFC 9420 §8.4 is no key a store could leak).
 */
final class HeldSecrets {
  private final Set<String> seen = new HashSet<>();
  private final List<byte[]> secrets = new ArrayList<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Adds every secret reachable from {@code root} now. */
  synchronized void harvest(Object root) {
    visited.clear();
    walk(root, 0);
    visited.clear();
  }

  /** The secrets harvested so far, each once, and forgets them. */
  synchronized List<byte[]> drain() {
    List<byte[]> out = new ArrayList<>(secrets);
    secrets.clear();
    return out;
  }

  private void walk(Object o, int depth) {
    if (o == null || depth > 64 || !visited.add(o)) {
      return;
    }
    try {
      if (o instanceof Secret s) {
        add(s.copyBytes());
      } else if (o instanceof Collection<?> c) {
        for (Object e : new ArrayList<>(c)) {
          walk(e, depth + 1);
        }
      } else if (o instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : new ArrayList<>(m.entrySet())) {
          walk(e.getKey(), depth + 1);
          walk(e.getValue(), depth + 1);
        }
      } else if (o instanceof Optional<?> opt) {
        opt.ifPresent(v -> walk(v, depth + 1));
      } else if (o instanceof AtomicReference<?> ref) {
        walk(ref.get(), depth + 1);
      } else if (o instanceof Object[] array) {
        for (Object e : array) {
          walk(e, depth + 1);
        }
      } else {
        fields(o, depth);
      }
    } catch (IllegalStateException | java.util.ConcurrentModificationException e) {
      // an erased secret, a collection with nulls, or one changing under us: skipped
    }
  }

  private void fields(Object o, int depth) {
    for (Class<?> k = o.getClass(); k != null && k.getName().startsWith("dev.sealmeet.");
        k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          walk(f.get(o), depth + 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // not readable (a module boundary): skipped
        }
      }
    }
  }

  private void add(byte[] secret) {
    boolean constant = true;
    for (byte b : secret) {
      constant &= b == secret[0];
    }
    if (secret.length >= 8 && !constant && seen.add(HexFormat.of().formatHex(secret))) {
      secrets.add(secret);
    }
  }
}
