package dev.sealmeet.sframe;

import dev.sealmeet.crypto.Secret;

/**
 * The output of {@code derive_key_salt} (RFC 9605 §4.4.2): {@code sframe_key} ({@code Nk} bytes) and
 * {@code sframe_salt} ({@code Nn} bytes). Both are secrets; {@link #toString()} prints lengths only.
 */
public final class SframeKeyMaterial {
  private final Secret key;
  private final Secret salt;

  SframeKeyMaterial(Secret key, Secret salt) {
    this.key = key;
    this.salt = salt;
  }

  /** {@code sframe_key}. */
  public Secret key() {
    return key;
  }

  /** {@code sframe_salt}. */
  public Secret salt() {
    return salt;
  }

  /** Wipes both secrets. */
  public void destroy() {
    key.destroy();
    salt.destroy();
  }

  /** Lengths only. */
  @Override
  public String toString() {
    return "SframeKeyMaterial[key=" + key + ", salt=" + salt + "]";
  }
}
