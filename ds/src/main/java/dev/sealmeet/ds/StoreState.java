package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a {@link MemoryLogStore}: meetings, their lobbies and the server identity, changed
 * only by {@link #apply}, so that a journal of {@link StoreChange}s replays it exactly. Not
 * thread-safe (the store's lock guards it).
 */
final class StoreState {
  private static final HexFormat HEX = HexFormat.of();

  private byte[] identity;
  private final Map<String, Log> meetings = new HashMap<>();
  private final Map<String, Lobby> lobbies = new HashMap<>();

  /** One meeting's log. */
  static final class Log {
    final byte[] meetingId;
    long epoch;
    byte[] groupInfo;
    long nextSequence;
    long firstKept;
    boolean ended;
    final String opener;
    /** Entries from {@code firstKept} on. */
    final List<byte[]> entries = new ArrayList<>();
    final Map<String, StoredAnswer> answers = new HashMap<>();

    Log(StoreChange.Head head) {
      meetingId = head.meetingId();
      epoch = head.epoch();
      groupInfo = head.groupInfo();
      nextSequence = head.nextSequence();
      firstKept = head.firstKept();
      ended = head.ended();
      opener = head.opener();
    }

    MeetingHead head() {
      return new MeetingHead(epoch, groupInfo, nextSequence, ended);
    }
  }

  /** One meeting's lobby: who knocked, and their KeyPackages. */
  static final class Lobby {
    final LinkedHashSet<String> knocks = new LinkedHashSet<>();
    final Map<String, List<KeyPackageEntry>> packages = new HashMap<>();
  }

  static String key(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  byte[] identity() {
    return identity;
  }

  Optional<Log> log(byte[] meetingId) {
    return Optional.ofNullable(meetings.get(key(meetingId)));
  }

  Optional<Lobby> lobby(byte[] meetingId) {
    return Optional.ofNullable(lobbies.get(key(meetingId)));
  }

  /** The index of the KeyPackage a claim hands out: the first not last-resort, else the last. */
  static int claimIndex(List<KeyPackageEntry> packages) {
    for (int i = 0; i < packages.size(); i++) {
      if (!packages.get(i).lastResort()) {
        return i;
      }
    }
    return packages.size() - 1;
  }

  /** Entries from {@code fromSequence} (or the first kept) on, at most {@code limit}. */
  static List<SequencedEnvelope> read(Log log, long fromSequence, int limit) {
    long from = Math.max(fromSequence, log.firstKept);
    List<SequencedEnvelope> out = new ArrayList<>();
    for (long s = from; s < log.nextSequence && out.size() < limit; s++) {
      out.add(new SequencedEnvelope(s, log.entries.get((int) (s - log.firstKept))));
    }
    return out;
  }

  /** Applies one change; the caller decided it against this state. */
  void apply(StoreChange change) {
    if (change instanceof StoreChange.Identity c) {
      identity = c.secret();
    } else if (change instanceof StoreChange.Head c) {
      meetings.put(key(c.meetingId()), new Log(c));
    } else if (change instanceof StoreChange.Stored c) {
      Log log = meetings.get(key(c.meetingId()));
      if (c.sequence() != log.firstKept + log.entries.size()) {
        throw new IllegalStateException("a snapshot entry out of order");
      }
      log.entries.add(c.bytes());
    } else if (change instanceof StoreChange.Appended c) {
      Log log = meetings.get(key(c.meetingId()));
      if (c.sequence() != log.nextSequence) {
        throw new IllegalStateException("an entry out of order");
      }
      log.entries.add(c.bytes());
      log.nextSequence++;
      long epochAfter = log.epoch;
      if (c.nextGroupInfo() != null) {
        epochAfter = log.epoch + 1;
        log.epoch = epochAfter;
        log.groupInfo = c.nextGroupInfo();
      }
      log.ended |= c.ended();
      if (c.submitId().length > 0) {
        log.answers.put(key(c.submitId()), new StoredAnswer(
            SubmitResult.accepted(c.sequence(), epochAfter), c.digest()));
      }
    } else if (change instanceof StoreChange.Answered c) {
      meetings.get(key(c.meetingId())).answers.put(key(c.submitId()),
          new StoredAnswer(c.result(), c.digest()));
    } else if (change instanceof StoreChange.Published c) {
      lobbies.computeIfAbsent(key(c.meetingId()), k -> new Lobby()).packages
          .computeIfAbsent(c.entry().account(), a -> new ArrayList<>()).add(c.entry());
    } else if (change instanceof StoreChange.Claimed c) {
      lobbies.get(key(c.meetingId())).packages.get(c.account()).remove(c.index());
    } else if (change instanceof StoreChange.Knocked c) {
      lobbies.computeIfAbsent(key(c.meetingId()), k -> new Lobby()).knocks.add(c.account());
    } else if (change instanceof StoreChange.Compacted c) {
      Log log = meetings.get(key(c.meetingId()));
      long below = Math.min(c.belowSequence(), log.nextSequence);
      if (below > log.firstKept) {
        log.entries.subList(0, (int) (below - log.firstKept)).clear();
        log.firstKept = below;
      }
    } else if (change instanceof StoreChange.Dropped c) {
      meetings.remove(key(c.meetingId()));
      lobbies.remove(key(c.meetingId()));
    }
  }

  /** The changes that rebuild this state from empty. */
  List<StoreChange> snapshot() {
    List<StoreChange> out = new ArrayList<>();
    if (identity != null) {
      out.add(new StoreChange.Identity(identity));
    }
    for (Log log : meetings.values()) {
      out.add(new StoreChange.Head(log.meetingId, log.epoch, log.groupInfo, log.nextSequence,
          log.firstKept, log.ended, log.opener));
      for (int i = 0; i < log.entries.size(); i++) {
        out.add(new StoreChange.Stored(log.meetingId, log.firstKept + i, log.entries.get(i)));
      }
      for (Map.Entry<String, StoredAnswer> answer : log.answers.entrySet()) {
        out.add(new StoreChange.Answered(log.meetingId, HEX.parseHex(answer.getKey()),
            answer.getValue().digest(), answer.getValue().result()));
      }
    }
    for (Map.Entry<String, Lobby> lobby : lobbies.entrySet()) {
      byte[] meetingId = HEX.parseHex(lobby.getKey());
      for (String account : lobby.getValue().knocks) {
        out.add(new StoreChange.Knocked(meetingId, account));
      }
      for (List<KeyPackageEntry> packages : lobby.getValue().packages.values()) {
        for (KeyPackageEntry entry : packages) {
          out.add(new StoreChange.Published(meetingId, entry));
        }
      }
    }
    return out;
  }
}
