package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.Secret;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.framing.PrivateMessageProtection;
import dev.sealmeet.mls.framing.PublicMessageProtection;
import dev.sealmeet.mls.framing.SignatureKeyLookup;
import dev.sealmeet.mls.framing.VerifiedContent;
import dev.sealmeet.mls.message.Commit;
import dev.sealmeet.mls.message.ContentType;
import dev.sealmeet.mls.message.FramedContent;
import dev.sealmeet.mls.message.GroupContext;
import dev.sealmeet.mls.message.MessageContent;
import dev.sealmeet.mls.message.MlsMessage;
import dev.sealmeet.mls.message.PrivateMessage;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.ProtocolVersion;
import dev.sealmeet.mls.message.PublicMessage;
import dev.sealmeet.mls.message.Sender;
import dev.sealmeet.mls.message.WireFormat;
import dev.sealmeet.mls.schedule.SecretTree;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * {@code message-protection.json} (test-vectors.md "Message Protection"): for the proposal, commit
 * and application of each case, the given PublicMessage (not for application data) and
 * PrivateMessage unprotect to the raw value sent by leaf 1; protecting the raw value ourselves
 * gives
 * messages that unprotect again; protecting application data as a PublicMessage fails (RFC 9420
 * §6).
 */
public final class MessageProtectionFamily implements VectorFamily {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String[] KINDS = {"proposal", "commit", "application"};
  private static final int PADDING = 17;
  /** What {@link PublicMessageProtection#protect} says when it refuses application data. */
  private static final String APPLICATION_REFUSAL = "RFC 9420 §6.2";

  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public MessageProtectionFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public MessageProtectionFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/message-protection";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("message-protection.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, MessageProtectionFamily::check);
  }

  static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    GroupContext context = new GroupContext(ProtocolVersion.MLS10, suite.id(), c.hex("group_id"),
        c.get("epoch").asLong(), c.hex("tree_hash"), c.hex("confirmed_transcript_hash"),
        List.of());
    byte[] signaturePrivate = fixedLengthScalar(suite.id(), c.hex("signature_priv"));
    SignatureKeyLookup keys = SignatureKeyLookup.fixed(c.hex("signature_pub"));
    Secret membershipKey = Secret.copyOf(c.hex("membership_key"));
    Secret senderDataSecret = Secret.copyOf(c.hex("sender_data_secret"));
    PublicMessageProtection pub = new PublicMessageProtection(suite, context, membershipKey);
    try {
      for (String kind : KINDS) {
        byte[] raw = c.hex(kind);
        MessageContent value = parse(kind, raw);
        FramedContent framed = new FramedContent(context.groupId(), context.epoch(),
            Sender.member(1), new byte[0], value);
        Optional<byte[]> tag = kind.equals("commit")
            ? Optional.of(new byte[suite.hashLength()]) : Optional.empty();
        if (kind.equals("application")) {
          m.isTrue("application protected as PublicMessage is refused",
              refusesApplicationAsPublic(pub, framed, signaturePrivate));
        } else {
          PublicMessage given = (PublicMessage) body(c.hex(kind + "_pub"), m, kind + "_pub");
          compare(m, kind + "_pub", raw, pub.unprotect(given, keys), WireFormat.PUBLIC_MESSAGE);
          PublicMessage own = (PublicMessage) reparse(pub.protect(framed, signaturePrivate, tag));
          compare(m, kind + " protected as PublicMessage", raw, pub.unprotect(own, keys),
              WireFormat.PUBLIC_MESSAGE);
        }
        PrivateMessage given = (PrivateMessage) body(c.hex(kind + "_priv"), m, kind + "_priv");
        compare(m, kind + "_priv", raw, withTree(suite, context, c, senderDataSecret)
            .unprotect(given, keys), WireFormat.PRIVATE_MESSAGE);
        PrivateMessage own = (PrivateMessage) reparse(withTree(suite, context, c, senderDataSecret)
            .protect(framed, signaturePrivate, tag, PADDING));
        compare(m, kind + " protected as PrivateMessage", raw,
            withTree(suite, context, c, senderDataSecret).unprotect(own, keys),
            WireFormat.PRIVATE_MESSAGE);
      }
    } finally {
      pub.destroy();
      membershipKey.destroy();
      senderDataSecret.destroy();
    }
  }

  /**
   * The vectors write ECDSA private keys as minimal big-endian integers (the suite 5 case has a
   * 65-byte P-521 scalar); our signature API takes the fixed-length form (SEC1 §2.3.7), so a shorter
   * scalar is left-padded with zeros. The key's value is unchanged; EdDSA seeds are left as given.
   */
  static byte[] fixedLengthScalar(int suiteId, byte[] key) {
    int length = suiteId == 2 ? 32 : suiteId == 7 ? 48 : suiteId == 5 ? 66 : key.length;
    if (key.length >= length) {
      return key;
    }
    byte[] padded = new byte[length];
    System.arraycopy(key, 0, padded, length - key.length, key.length);
    return padded;
  }

  /** A fresh secret tree of two members from the case's {@code encryption_secret}. */
  private static PrivateMessageProtection withTree(
      MlsSuite suite, GroupContext context, JsonNode c, Secret senderDataSecret) {
    SecretTree tree = new SecretTree(suite, Secret.copyOf(c.hex("encryption_secret")), 2);
    return new PrivateMessageProtection(suite, context, senderDataSecret, tree, RANDOM);
  }

  /**
   * Whether {@code pub} refuses {@code framed} for being application data (RFC 9420 §6.2). Only
   * that refusal counts: any other {@link IllegalArgumentException} (wrong group or epoch, a key
   * of the wrong size) propagates, and the case fails with it.
   */
  static boolean refusesApplicationAsPublic(
      PublicMessageProtection pub, FramedContent framed, byte[] signaturePrivate)
      throws SealmeetException {
    try {
      pub.protect(framed, signaturePrivate, Optional.empty());
      return false;
    } catch (IllegalArgumentException e) {
      if (framed.contentType() != ContentType.APPLICATION
          || !String.valueOf(e.getMessage()).contains(APPLICATION_REFUSAL)) {
        throw e;
      }
      return true;
    }
  }

  private static void compare(
      Mismatches m, String what, byte[] raw, VerifiedContent verified, WireFormat wireFormat) {
    m.bytes(what + " content", raw, rawValue(verified.content()));
    m.isTrue(what + " sender is leaf 1", verified.sender().equals(Sender.member(1)));
    m.isTrue(what + " wire format", verified.wireFormat() == wireFormat);
  }

  private static MessageContent parse(String kind, byte[] raw) throws DecodeException {
    switch (kind) {
      case "proposal":
        return new MessageContent.ProposalContent(TlsReader.decodeExactly(raw, Proposal::decode));
      case "commit":
        return new MessageContent.CommitContent(TlsReader.decodeExactly(raw, Commit::decode));
      default:
        return new MessageContent.Application(raw);
    }
  }

  /** The vector's raw form: a serialized Proposal or Commit, or the bare application data. */
  private static byte[] rawValue(MessageContent content) {
    if (content.contentType() == ContentType.APPLICATION) {
      return ((MessageContent.Application) content).data();
    }
    return content.toBytes();
  }

  private static Object body(byte[] bytes, Mismatches m, String what) throws DecodeException {
    MlsMessage message = MlsMessage.fromBytes(bytes);
    m.bytes(what + " re-encoding", bytes, message.toBytes());
    return message.body();
  }

  /** Sends our own message through its wire encoding, as a receiver would see it. */
  private static Object reparse(dev.sealmeet.mls.message.MlsMessageBody body)
      throws DecodeException {
    return MlsMessage.fromBytes(MlsMessage.of(body).toBytes()).body();
  }
}
