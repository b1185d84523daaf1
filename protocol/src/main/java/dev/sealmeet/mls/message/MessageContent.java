package dev.sealmeet.mls.message;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;

/**
 * The part of {@code FramedContent} and {@code PrivateMessageContent} (RFC 9420 §6, §6.3.1) selected
 * by the content type: application data, a {@link Proposal} or a {@link Commit}. {@link #encode}
 * writes the selected value only; the content type is written by the enclosing struct.
 */
public sealed interface MessageContent extends MlsStruct
    permits MessageContent.Application, MessageContent.ProposalContent,
        MessageContent.CommitContent {

  /** The content type that selects this value. */
  ContentType contentType();

  /** Reads the value selected by {@code type}. */
  static MessageContent decode(TlsReader reader, ContentType type) throws DecodeException {
    switch (type) {
      case APPLICATION:
        return new Application(reader.readOpaque());
      case PROPOSAL:
        return new ProposalContent(Proposal.decode(reader));
      case COMMIT:
        return new CommitContent(Commit.decode(reader));
      default:
        throw new dev.sealmeet.error.SealmeetBugException("unhandled content type " + type);
    }
  }

  /**
   * {@code opaque application_data<V>}.
   *
   * @param data the application data (copied in and out)
   */
  record Application(byte[] data) implements MessageContent {
    /** Copies the data. */
    public Application {
      data = Wire.copy(data, "data");
    }

    /** A copy of the application data. */
    @Override
    public byte[] data() {
      return data.clone();
    }

    /** Prints the length only: application data is plaintext. */
    @Override
    public String toString() {
      return "Application[" + data.length + " bytes]";
    }

    @Override
    public ContentType contentType() {
      return ContentType.APPLICATION;
    }

    @Override
    public void encode(TlsWriter writer) {
      writer.writeOpaque(data);
    }

    /** Equal when the encodings are equal (arrays compared by content). */
    @Override
    public boolean equals(Object other) {
      return other instanceof Application
          && Wire.sameEncoding(this, (Application) other);
    }

    /** A hash of the encoding. */
    @Override
    public int hashCode() {
      return Wire.encodingHash(this);
    }
  }

  /**
   * A whole {@code Proposal}, type included.
   *
   * @param proposal the proposal
   */
  record ProposalContent(Proposal proposal) implements MessageContent {
    /** Checks for null. */
    public ProposalContent {
      Wire.require(proposal, "proposal");
    }

    @Override
    public ContentType contentType() {
      return ContentType.PROPOSAL;
    }

    @Override
    public void encode(TlsWriter writer) {
      proposal.encodeProposal(writer);
    }
  }

  /**
   * A {@code Commit}.
   *
   * @param commit the commit
   */
  record CommitContent(Commit commit) implements MessageContent {
    /** Checks for null. */
    public CommitContent {
      Wire.require(commit, "commit");
    }

    @Override
    public ContentType contentType() {
      return ContentType.COMMIT;
    }

    @Override
    public void encode(TlsWriter writer) {
      commit.encode(writer);
    }
  }
}
