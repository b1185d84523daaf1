package dev.sealmeet.ds;

import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SubmitResult;
import java.util.Objects;

/**
 * One change to a {@link MemoryLogStore}'s state, as decided under its lock: deterministic, so
 * replaying the same changes in order rebuilds the same state. A durable store writes each to its
 * {@link StoreJournal} before it takes effect, and replays them at open. Byte arrays are shared,
 * never modified: a change is made by the store and read by the journal only.
 */
public sealed interface StoreChange {
  /** The meeting the change is of; empty for {@link Identity}. */
  byte[] meetingId();

  /** The server's signing identity was made. */
  record Identity(byte[] secret) implements StoreChange {
    /** Checks nulls. */
    public Identity {
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public byte[] meetingId() {
      return new byte[0];
    }

    /** Hides the secret. */
    @Override
    public String toString() {
      return "Identity[…]";
    }
  }

  /**
   * A meeting's head was set: a new meeting ({@code nextSequence} 1, {@code firstKept} 1, not
   * ended) or, in a snapshot, the head of a meeting with its entries from {@code firstKept} on
   * following as {@link Stored} changes.
   */
  record Head(byte[] meetingId, long epoch, byte[] groupInfo, long nextSequence, long firstKept,
      boolean ended, String opener) implements StoreChange {
    /** Checks nulls. */
    public Head {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(groupInfo, "groupInfo");
      Objects.requireNonNull(opener, "opener");
    }

    /** Numbers only. */
    @Override
    public String toString() {
      return "Head[epoch " + epoch + ", next " + nextSequence + "]";
    }
  }

  /** One kept entry of a snapshot (the head already counts it). */
  record Stored(byte[] meetingId, long sequence, byte[] bytes) implements StoreChange {
    /** Checks nulls. */
    public Stored {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(bytes, "bytes");
    }

    /** Numbers only. */
    @Override
    public String toString() {
      return "Stored[" + sequence + "]";
    }
  }

  /**
   * An entry was appended at {@code sequence} (the head's next), its answer recorded under the
   * submit id (if not empty); a commit moves the head to {@code epoch + 1} with {@code
   * nextGroupInfo} (null for anything else).
   */
  record Appended(byte[] meetingId, long sequence, byte[] bytes, byte[] submitId, byte[] digest,
      byte[] nextGroupInfo, boolean ended) implements StoreChange {
    /** Checks nulls. */
    public Appended {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(submitId, "submitId");
      Objects.requireNonNull(digest, "digest");
    }

    /** Numbers only. */
    @Override
    public String toString() {
      return "Appended[" + sequence + (nextGroupInfo != null ? ", commit" : "") + "]";
    }
  }

  /** An answer was recorded under a (non-empty) submit id. */
  record Answered(byte[] meetingId, byte[] submitId, byte[] digest, SubmitResult result)
      implements StoreChange {
    /** Checks nulls. */
    public Answered {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(submitId, "submitId");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(result, "result");
    }

    /** Status only. */
    @Override
    public String toString() {
      return "Answered[" + result.status() + "]";
    }
  }

  /** A KeyPackage was added to a lobby. */
  record Published(byte[] meetingId, KeyPackageEntry entry) implements StoreChange {
    /** Checks nulls. */
    public Published {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** The {@code index}-th KeyPackage (in publication order) of an account's lobby was handed out. */
  record Claimed(byte[] meetingId, String account, int index) implements StoreChange {
    /** Checks nulls. */
    public Claimed {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(account, "account");
    }

    /** Index only. */
    @Override
    public String toString() {
      return "Claimed[" + index + "]";
    }
  }

  /** An account knocked at a lobby for the first time. */
  record Knocked(byte[] meetingId, String account) implements StoreChange {
    /** Checks nulls. */
    public Knocked {
      Objects.requireNonNull(meetingId, "meetingId");
      Objects.requireNonNull(account, "account");
    }

    /** Hides the account. */
    @Override
    public String toString() {
      return "Knocked[…]";
    }
  }

  /** The meeting's entries below {@code belowSequence} were dropped. */
  record Compacted(byte[] meetingId, long belowSequence) implements StoreChange {
    /** Checks nulls. */
    public Compacted {
      Objects.requireNonNull(meetingId, "meetingId");
    }
  }

  /** The meeting and its lobby were dropped. */
  record Dropped(byte[] meetingId) implements StoreChange {
    /** Checks nulls. */
    public Dropped {
      Objects.requireNonNull(meetingId, "meetingId");
    }
  }
}
