package dev.sealmeet.mls.message;

/**
 * What an {@link MlsMessage} carries (RFC 9420 §6): the struct selected by its wire format.
 */
public sealed interface MlsMessageBody extends MlsStruct
    permits PublicMessage, PrivateMessage, Welcome, GroupInfo, KeyPackage {

  /** The wire format that selects this body. */
  WireFormat wireFormat();
}
