package dev.sealmeet.cli;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.Invitation;
import dev.sealmeet.sframe.auth.ForgeryReason;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link DemoParty} in a participant process of {@code demo --network} ({@link PartyProcess}),
 * called over its loopback socket ({@link PartyWire}). A failure in the process comes back as an
 * {@link IllegalStateException} carrying its message.
 */
final class RemoteParty implements DemoParty {
  /** Writes a request's arguments. */
  @FunctionalInterface
  private interface Args {
    void write(DataOutputStream out) throws IOException;
  }

  private final NetworkDemo.Launcher launcher;
  private final String account;
  private LongSupplier now = () -> 0;
  private NetworkDemo.Connection connection;
  private final List<byte[]> secrets = new ArrayList<>();

  RemoteParty(NetworkDemo.Launcher launcher, String account, NetworkDemo.Connection connection) {
    this.launcher = launcher;
    this.account = account;
    this.connection = connection;
  }

  /** The demo's virtual clock, sent with every request. */
  void clock(LongSupplier clock) {
    this.now = clock;
  }

  /** The signature public key its process reported when it connected. */
  byte[] signaturePublicKey() {
    return connection.publicKey();
  }

  private DataInputStream call(PartyWire.Command command, Args args) {
    try {
      DataOutputStream out = connection.out();
      out.writeInt(command.ordinal());
      out.writeLong(now.getAsLong());
      args.write(out);
      out.flush();
      DataInputStream in = connection.in();
      if (in.readByte() != 0) {
        throw new IllegalStateException(account + "'s process failed: "
            + PartyWire.readString(in) + "; its log: " + connection.log());
      }
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(account + "'s process is gone; its log: "
          + connection.log(), e);
    }
  }

  private DataInputStream call(PartyWire.Command command) {
    return call(command, out -> { });
  }

  private boolean bool(PartyWire.Command command) {
    try {
      return call(command).readBoolean();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String account() {
    return account;
  }

  @Override
  public void open() {
    call(PartyWire.Command.OPEN);
  }

  @Override
  public Invitation invitation() {
    DataInputStream in = call(PartyWire.Command.INVITATION);
    try {
      return new Invitation(PartyWire.readBytes(in), PartyWire.readBytes(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void enter(Invitation invitation) {
    call(PartyWire.Command.ENTER, out -> {
      PartyWire.writeBytes(out, invitation.meetingId());
      PartyWire.writeBytes(out, invitation.admitterKeyHash());
    });
  }

  @Override
  public boolean joined() {
    return bool(PartyWire.Command.JOINED);
  }

  @Override
  public void admit(String other) {
    call(PartyWire.Command.ADMIT, out -> PartyWire.writeString(out, other));
  }

  @Override
  public void remove(String other) {
    call(PartyWire.Command.REMOVE, out -> PartyWire.writeString(out, other));
  }

  @Override
  public void leave() {
    call(PartyWire.Command.LEAVE);
  }

  @Override
  public void update() {
    call(PartyWire.Command.UPDATE);
  }

  @Override
  public boolean commitPending() {
    return bool(PartyWire.Command.COMMIT_PENDING);
  }

  @Override
  public boolean caughtUp() {
    return bool(PartyWire.Command.CAUGHT_UP);
  }

  @Override
  public long epoch() {
    try {
      return call(PartyWire.Command.EPOCH).readLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String securityCode() {
    try {
      return PartyWire.readString(call(PartyWire.Command.SECURITY_CODE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String roster() {
    try {
      return PartyWire.readString(call(PartyWire.Command.ROSTER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Map<Long, String> securityCodes() {
    DataInputStream in = call(PartyWire.Command.SECURITY_CODES);
    try {
      Map<Long, String> codes = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        codes.put(in.readLong(), PartyWire.readString(in));
      }
      return codes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean canSend() {
    return bool(PartyWire.Command.CAN_SEND);
  }

  @Override
  public boolean sendsNewest() {
    return bool(PartyWire.Command.SENDS_NEWEST);
  }

  @Override
  public Sent protect(byte[] payload) {
    DataInputStream in = call(PartyWire.Command.PROTECT, out -> PartyWire.writeBytes(out, payload));
    try {
      return new Sent(in.readLong(), PartyWire.readBytes(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Received deliver(String from, byte[] sframe) {
    DataInputStream in = call(PartyWire.Command.DELIVER, out -> {
      PartyWire.writeString(out, from);
      PartyWire.writeBytes(out, sframe);
    });
    try {
      return new Received(in.readBoolean(), in.readLong(), in.readBoolean(), ids(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Long> poll() {
    try {
      return ids(call(PartyWire.Command.POLL));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> ids(DataInputStream in) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      ids.add(in.readLong());
    }
    return ids;
  }

  @Override
  public long[] mediaStats() {
    DataInputStream in = call(PartyWire.Command.MEDIA_STATS);
    try {
      return new long[] {in.readLong(), in.readLong()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process (nothing closed, nothing flushed) and starts a new one from the store. */
  @Override
  public void restart() throws SealmeetException {
    byte[] meetingId;
    try {
      meetingId = PartyWire.readBytes(call(PartyWire.Command.MEETING_ID));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    collectSecrets();
    connection.kill();
    connection = launcher.relaunch(account);
    launcher.introduce(this);
    call(PartyWire.Command.RESUME, out -> PartyWire.writeBytes(out, meetingId));
  }

  @Override
  public List<Map.Entry<Long, byte[]>> drainKeys() {
    DataInputStream in = call(PartyWire.Command.KEYS);
    try {
      List<Map.Entry<Long, byte[]>> keys = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        keys.add(Map.entry(in.readLong(), PartyWire.readBytes(in)));
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<ForgedFrame> drainForged() {
    DataInputStream in = call(PartyWire.Command.FORGED);
    try {
      List<ForgedFrame> out = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        out.add(new ForgedFrame(in.readLong(), in.readLong(), in.readLong(),
            ForgeryReason.values()[in.readInt()]));
      }
      return out;
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalStateException("a malformed answer from " + account, e);
    }
  }

  /** Tells the process {@code other}'s signature key (its identity verifier's directory). */
  void know(String other, byte[] publicKey) {
    call(PartyWire.Command.KNOW, out -> {
      PartyWire.writeString(out, other);
      PartyWire.writeBytes(out, publicKey);
    });
  }

  /** The process's exported identity, private key included (for the store scan; demo only). */
  byte[] signingIdentity() {
    try {
      return PartyWire.readBytes(call(PartyWire.Command.SIGNING_KEY));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    call(PartyWire.Command.CLOSE);
  }

  /** Fetches the secrets its process held ({@link HeldSecrets}) into {@link #secrets()}. */
  void collectSecrets() {
    DataInputStream in = call(PartyWire.Command.SECRETS);
    try {
      for (int i = in.readInt(); i > 0; i--) {
        secrets.add(PartyWire.readBytes(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every secret its processes held, as collected so far (demo only). */
  List<byte[]> secrets() {
    return secrets;
  }

  /** Kills the process if it still runs (cleanup after a failure). */
  void kill() {
    connection.kill();
  }

  /** Kills the process without waiting (a shutdown hook). */
  void destroy() {
    connection.process().destroyForcibly();
  }

  /** Ends the process. */
  void exit() {
    try {
      call(PartyWire.Command.EXIT);
    } catch (RuntimeException e) {
      // gone already
    }
    connection.stop();
  }
}
