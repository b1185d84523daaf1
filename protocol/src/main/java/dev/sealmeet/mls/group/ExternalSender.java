package dev.sealmeet.mls.group;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.message.Credential;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.Extensions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code external_senders} GroupContext extension (RFC 9420 §12.1.8.1): a party
 * outside the group, such as the delivery service, that may send proposals signed with {@code
 * signatureKey}.
 *
 * @param signatureKey the sender's signature public key (copied in and out)
 * @param credential the sender's credential
 */
public record ExternalSender(byte[] signatureKey, Credential credential) {
  /** Copies the key. */
  public ExternalSender {
    signatureKey = signatureKey.clone();
    Objects.requireNonNull(credential, "credential");
  }

  /** A copy of the signature key. */
  @Override
  public byte[] signatureKey() {
    return signatureKey.clone();
  }

  /**
   * The external senders listed in {@code extensions}; empty if there is no such extension.
   *
   * @throws DecodeException if the extension data is malformed
   */
  public static List<ExternalSender> in(List<Extension> extensions) throws DecodeException {
    Optional<Extension> found = Extensions.find(extensions, Extensions.EXTERNAL_SENDERS);
    if (found.isEmpty()) {
      return List.of();
    }
    return TlsReader.decodeExactly(found.get().extensionData(), reader -> reader.readList(
        r -> new ExternalSender(r.readOpaque(), Credential.decode(r))));
  }

  /** {@code senders} as an {@code external_senders} extension. */
  public static Extension toExtension(List<ExternalSender> senders) {
    TlsWriter writer = new TlsWriter();
    writer.writeList(senders, (w, s) -> {
      w.writeOpaque(s.signatureKey);
      s.credential.encode(w);
    });
    return new Extension(Extensions.EXTERNAL_SENDERS, writer.toByteArray());
  }

  /** Equal when key and credential encodings are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ExternalSender s
        && java.util.Arrays.equals(signatureKey, s.signatureKey)
        && java.util.Arrays.equals(credential.toBytes(), s.credential.toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(signatureKey);
  }

  /** Credential type only. */
  @Override
  public String toString() {
    return "ExternalSender[credential type " + credential.credentialType() + "]";
  }
}
