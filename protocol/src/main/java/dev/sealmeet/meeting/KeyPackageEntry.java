package dev.sealmeet.meeting;

import java.util.Objects;

/**
 * One KeyPackage in the delivery service's directory (RFC 9420 §10, §16.8).
 *
 * @param account the account it was published for
 * @param lastResort whether it stays in the directory after being handed out
 * @param keyPackage the MLSMessage carrying the KeyPackage, unchanged (copied in and out)
 */
public record KeyPackageEntry(String account, boolean lastResort, byte[] keyPackage) {
  /** Checks nulls and copies the bytes. */
  public KeyPackageEntry {
    Objects.requireNonNull(account, "account");
    keyPackage = keyPackage.clone();
  }

  /** A copy of the MLSMessage bytes. */
  @Override
  public byte[] keyPackage() {
    return keyPackage.clone();
  }

  /** Length and kind only: an account name is an identity. */
  @Override
  public String toString() {
    return "KeyPackageEntry[" + keyPackage.length + " bytes" + (lastResort ? ", last resort" : "")
        + "]";
  }
}
