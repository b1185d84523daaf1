package dev.sealmeet.meeting;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.codec.TlsWriter;
import dev.sealmeet.error.DecodeException;
import dev.sealmeet.mls.group.ReceivedProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.Sender;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A member's saved control state (the {@link StateKey#MEETING} record), in the TLS presentation
 * language:
 *
 * <pre>
 * uint16 format = 1; opaque account&lt;V&gt;; opaque group&lt;V&gt; (MlsGroup.toBytes, with any
 * pending commit); uint64 next_sequence; uint8 status (0 active, 1 gone); uint8 send_blocked;
 * optional&lt;opaque successor&lt;V&gt;, opaque admitter_key&lt;V&gt;&gt;;
 * Received received&lt;V&gt;; optional&lt;InFlight&gt;; opaque outbox&lt;V&gt;&lt;V&gt;;
 * optional&lt;uint64 epoch, opaque envelope&lt;V&gt;, opaque proposal&lt;V&gt;&gt; leave;
 * uint64 leave_ordered_epoch (2^64-1: none); MediaEpoch media&lt;V&gt;
 * MediaEpoch = uint64 epoch, opaque base_key&lt;V&gt;, uint64 senders&lt;V&gt; (the epochs before
 *              the current one within their grace, so frames of them in flight still decrypt
 *              after a resume; in increasing order)
 * Received = uint64 epoch, Sender, Proposal, opaque reference&lt;V&gt;
 * InFlight = opaque envelope&lt;V&gt;, opaque commit&lt;V&gt;, optional&lt;SignedWelcome&gt;,
 *            opaque admits&lt;V&gt;&lt;V&gt;
 * SignedWelcome = uint64 epoch, opaque recipients&lt;V&gt;&lt;V&gt;, opaque welcome&lt;V&gt;,
 *                 opaque signature&lt;V&gt;
 * </pre>
 *
 * <p>Derived facts are not saved: roles, roster and security codes are read again from the group,
 * the media keys exported again from its epoch. The bytes hold every secret of the group.
 */
final class MeetingState {
  static final int FORMAT = 1;

  private MeetingState() {}

  /** What a resumed meeting starts from. */
  record Saved(String account, byte[] group, long nextSequence, boolean gone,
      boolean sendBlocked, byte[] successor, byte[] successorAdmitterKey,
      List<ReceivedProposal> received, Commits.InFlight inFlight, List<byte[]> outbox,
      Commits.PendingLeave leave, long leaveOrderedEpoch, List<EpochMediaKeys.Saved> media) {}

  static byte[] write(Meeting m) {
    TlsWriter w = new TlsWriter();
    w.writeUint16(FORMAT);
    w.writeOpaque(utf8(m.client.account()));
    w.writeOpaque(m.group.toBytes());
    w.writeUint64(m.nextSequence);
    w.writeUint8(m.status == Meeting.Status.GONE ? 1 : 0);
    w.writeUint8(m.sendBlocked ? 1 : 0);
    w.writePresence(m.successor != null);
    if (m.successor != null) {
      w.writeOpaque(m.successor);
      w.writeOpaque(m.successorAdmitterKey);
    }
    w.writeList(m.received, (x, p) -> {
      x.writeUint64(p.epoch());
      p.sender().encode(x);
      p.proposal().encodeProposal(x);
      x.writeOpaque(p.reference());
    });
    Commits.InFlight f = m.commits.inFlightNow();
    w.writePresence(f != null);
    if (f != null) {
      w.writeOpaque(f.envelope());
      w.writeOpaque(f.commit());
      w.writePresence(f.welcome() != null);
      if (f.welcome() != null) {
        w.writeUint64(f.welcome().epoch());
        w.writeList(f.welcome().recipients(), (x, s) -> x.writeOpaque(utf8(s)));
        w.writeOpaque(f.welcome().welcome());
        w.writeOpaque(f.welcome().signature());
      }
      w.writeList(f.admits(), (x, s) -> x.writeOpaque(utf8(s)));
    }
    w.writeList(m.commits.outboxNow(), TlsWriter::writeOpaque);
    Commits.PendingLeave leave = m.commits.leaveNow();
    w.writePresence(leave != null);
    if (leave != null) {
      w.writeUint64(leave.epoch());
      w.writeOpaque(leave.envelope());
      w.writeOpaque(leave.proposal());
    }
    w.writeUint64(m.commits.leaveOrderedEpoch());
    List<EpochMediaKeys.Saved> media = new java.util.ArrayList<>();
    for (EpochMediaKeys e : m.media.held()) {
      EpochMediaKeys.Saved saved = e.epoch < m.group.epoch() ? e.saved() : null;
      if (saved != null) { // the current epoch's key is exported again from the group
        media.add(saved);
      }
    }
    w.writeList(media, (x, e) -> {
      x.writeUint64(e.epoch());
      x.writeOpaque(e.baseKey());
      x.writeList(e.senders(), TlsWriter::writeUint64);
    });
    media.forEach(e -> java.util.Arrays.fill(e.baseKey(), (byte) 0));
    return w.toByteArray();
  }

  /**
   * @throws DecodeException if the bytes are not a saved meeting state of this format
   */
  static Saved read(byte[] bytes) throws DecodeException {
    TlsReader r = TlsReader.of(bytes);
    int format = r.readUint16();
    if (format != FORMAT) {
      throw new DecodeException("saved meeting state of format " + format + ", expected " + FORMAT);
    }
    String account = string(r);
    byte[] group = r.readOpaque();
    long nextSequence = r.readUint64();
    boolean gone = flag(r, "status");
    boolean sendBlocked = flag(r, "send_blocked");
    byte[] successor = null;
    byte[] admitterKey = null;
    if (r.readPresence()) {
      successor = r.readOpaque();
      admitterKey = r.readOpaque();
    }
    List<ReceivedProposal> received = r.readList(x -> new ReceivedProposal(x.readUint64(),
        Sender.decode(x), Proposal.decode(x), x.readOpaque()));
    Commits.InFlight inFlight = null;
    if (r.readPresence()) {
      byte[] envelope = r.readOpaque();
      byte[] commit = r.readOpaque();
      Commits.SignedWelcome welcome = r.readPresence() ? new Commits.SignedWelcome(
          r.readUint64(), r.readList(MeetingState::string), r.readOpaque(), r.readOpaque()) : null;
      inFlight = new Commits.InFlight(Commits.Operation.RESUMED, envelope, commit, null,
          welcome, r.readList(MeetingState::string));
    }
    List<byte[]> outbox = r.readList(TlsReader::readOpaque);
    Commits.PendingLeave leave = r.readPresence()
        ? new Commits.PendingLeave(r.readUint64(), r.readOpaque(), r.readOpaque()) : null;
    long leaveOrderedEpoch = r.readUint64();
    List<EpochMediaKeys.Saved> media = r.readList(x -> new EpochMediaKeys.Saved(x.readUint64(),
        x.readOpaque(), new java.util.TreeSet<>(x.readList(TlsReader::readUint64))));
    r.finish();
    return new Saved(account, group, nextSequence, gone, sendBlocked, successor, admitterKey,
        received, inFlight, outbox, leave, leaveOrderedEpoch, media);
  }

  private static boolean flag(TlsReader r, String name) throws DecodeException {
    int value = r.readUint8();
    if (value > 1) {
      throw new DecodeException("saved meeting state: " + name + " " + value);
    }
    return value == 1;
  }

  private static String string(TlsReader r) throws DecodeException {
    byte[] bytes = r.readOpaque();
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new DecodeException("saved meeting state: a name is not UTF-8");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
