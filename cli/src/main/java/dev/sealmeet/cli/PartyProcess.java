package dev.sealmeet.cli;

import dev.sealmeet.ds.grpc.GrpcDeliveryService;
import dev.sealmeet.meeting.IdentityVerifier;
import dev.sealmeet.meeting.Invitation;
import dev.sealmeet.meeting.MeetingClient;
import dev.sealmeet.meeting.ForgedFrame;
import dev.sealmeet.meeting.MeetingListener;
import dev.sealmeet.meeting.MeetingOptions;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.SigningIdentity;
import dev.sealmeet.mls.message.BasicCredential;
import dev.sealmeet.store.EmbeddedStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One participant of {@code demo --network} in a JVM of its own: a {@link LocalParty} whose
 * delivery service is a {@link GrpcDeliveryService} to the demo's server (seen through its own
 * {@link SignallingNetwork}, so that signalling stays slower than media), driven by the demo over a
 * loopback socket ({@link PartyWire}). Its identity is kept in its work directory, so that a new
 * process after a restart is the same member. Demo only: it hands out copies of its keys.
 *
 * <p>Arguments: driver port, account, server {@code host:port}, bearer token, MLS suite code point,
 * work directory, whether it keeps its meeting in a sealed store.
 */
final class PartyProcess {
  private final String account;
  private final MlsSuite suite;
  private final Path workDir;
  private final boolean stored;
  private final SigningIdentity identity;
  private final Map<String, byte[]> accountKeys = new ConcurrentHashMap<>();
  private final List<Map.Entry<Long, byte[]>> keys = new ArrayList<>();
  private final List<ForgedFrame> forged = new ArrayList<>();
  private final HeldSecrets held = new HeldSecrets();
  private long harvestedAt = Long.MIN_VALUE;
  private volatile long now;
  private LocalParty party;

  private PartyProcess(String account, MlsSuite suite, Path workDir, boolean stored)
      throws Exception {
    this.account = account;
    this.suite = suite;
    this.workDir = workDir;
    this.stored = stored;
    Path saved = workDir.resolve("identity");
    if (Files.exists(saved)) {
      identity = SigningIdentity.importSecret(suite, Files.readAllBytes(saved));
    } else {
      identity = SigningIdentity.generate(suite,
          new BasicCredential(account.getBytes(StandardCharsets.UTF_8)));
      Files.write(saved, identity.exportSecret(suite));
    }
    accountKeys.put(account, identity.signaturePublicKey());
  }

  public static void main(String[] args) throws Exception {
    Path workDir = Path.of(args[5]);
    Files.createDirectories(workDir);
    MlsSuite suite = MlsSuite.of(Integer.parseInt(args[4]), DemoCommand.REGISTRY,
        new SecureRandom());
    PartyProcess p = new PartyProcess(args[1], suite, workDir, Boolean.parseBoolean(args[6]));
    try (GrpcDeliveryService grpc = GrpcDeliveryService.builder().plaintext().target(args[2])
        .bearerToken(args[3]).build();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]))) {
      socket.setTcpNoDelay(true);
      SignallingNetwork network = new SignallingNetwork(grpc, () -> p.now,
          new Random(args[1].hashCode()), MeetingDemo.SIGNAL_MIN_MS * MeetingDemo.MS,
          MeetingDemo.SIGNAL_MAX_MS * MeetingDemo.MS);
      p.party = new LocalParty(p.account, p::client, network.viewFor(p.account),
          m -> {
            try {
              return grpc.fetch(m.id(), m.nextSequence()).isEmpty();
            } catch (dev.sealmeet.meeting.TransportException e) {
              throw new IllegalStateException("the delivery service failed", e);
            }
          });
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
          socket.getOutputStream()));
      PartyWire.writeString(out, p.account); // who connected, and the key others verify it by
      PartyWire.writeBytes(out, p.identity.signaturePublicKey());
      out.flush();
      p.serve(new DataInputStream(new BufferedInputStream(socket.getInputStream())), out);
    }
    System.exit(0); // gRPC's threads are not daemons
  }

  private MeetingClient client() throws dev.sealmeet.meeting.StorageException {
    IdentityVerifier verifier = (credential, key) ->
        IdentityVerifier.basicBoundTo(accountKeys).verify(credential, key);
    MeetingOptions options = MeetingOptions.defaults().withMlsSuites(DemoCommand.REGISTRY)
        .withNanoTime(() -> now).withAudit((who, epoch, key) -> {
          synchronized (keys) {
            keys.add(Map.entry(epoch, key));
          }
        });
    options = options.withRuntime(options.runtime().withListener(new MeetingListener() {
      @Override
      public void frameForged(dev.sealmeet.meeting.Meeting meeting, ForgedFrame frame) {
        synchronized (forged) {
          forged.add(frame);
        }
      }
    }));
    if (stored) { // sealed with Tink; its key in a separate directory
      options = options.withRuntime(options.runtime().withStore(
          EmbeddedStore.open(workDir.resolve("state"))));
    }
    return new MeetingClient(account, identity, suite, verifier, options);
  }

  private void serve(DataInputStream in, DataOutputStream out) throws IOException {
    PartyWire.Command[] commands = PartyWire.Command.values();
    while (true) {
      int op;
      try {
        op = in.readInt();
      } catch (EOFException e) {
        return;
      }
      now = in.readLong();
      PartyWire.Command command = commands[op];
      try {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        DataOutputStream result = new DataOutputStream(buffer);
        run(command, in, result);
        harvest(command);
        out.writeByte(0);
        out.write(buffer.toByteArray());
      } catch (Exception e) {
        out.writeByte(1);
        PartyWire.writeString(out, command + ": " + e);
      }
      out.flush();
      if (command == PartyWire.Command.EXIT) {
        return;
      }
    }
  }

  /** Copies out the secrets it holds when they may have changed: a new epoch, a commit made. */
  private void harvest(PartyWire.Command command) {
    long epoch = party.epochOrNone();
    boolean changes = switch (command) {
      case OPEN, ENTER, ADMIT, REMOVE, LEAVE, UPDATE, RESUME -> true;
      default -> false;
    };
    if (changes || epoch != harvestedAt) {
      held.harvest(party);
      harvestedAt = epoch;
    }
  }

  private void run(PartyWire.Command command, DataInputStream in, DataOutputStream out)
      throws Exception {
    switch (command) {
      case OPEN -> party.open();
      case INVITATION -> {
        Invitation i = party.invitation();
        PartyWire.writeBytes(out, i.meetingId());
        PartyWire.writeBytes(out, i.admitterKeyHash());
      }
      case ENTER -> party.enter(new Invitation(PartyWire.readBytes(in), PartyWire.readBytes(in)));
      case JOINED -> out.writeBoolean(party.joined());
      case ADMIT -> party.admit(PartyWire.readString(in));
      case REMOVE -> party.remove(PartyWire.readString(in));
      case LEAVE -> party.leave();
      case UPDATE -> party.update();
      case COMMIT_PENDING -> out.writeBoolean(party.commitPending());
      case CAUGHT_UP -> out.writeBoolean(party.caughtUp());
      case EPOCH -> out.writeLong(party.epoch());
      case SECURITY_CODE -> PartyWire.writeString(out, party.securityCode());
      case ROSTER -> PartyWire.writeString(out, party.roster());
      case SECURITY_CODES -> {
        Map<Long, String> codes = party.securityCodes();
        out.writeInt(codes.size());
        for (Map.Entry<Long, String> c : codes.entrySet()) {
          out.writeLong(c.getKey());
          PartyWire.writeString(out, c.getValue());
        }
      }
      case CAN_SEND -> out.writeBoolean(party.canSend());
      case SENDS_NEWEST -> out.writeBoolean(party.sendsNewest());
      case PROTECT -> {
        DemoParty.Sent sent = party.protect(PartyWire.readBytes(in));
        out.writeLong(sent.epoch());
        PartyWire.writeBytes(out, sent.sframe());
      }
      case DELIVER -> {
        DemoParty.Received r = party.deliver(PartyWire.readString(in), PartyWire.readBytes(in));
        out.writeBoolean(r.active());
        out.writeLong(r.epoch());
        out.writeBoolean(r.senderKnown());
        writeIds(out, r.decrypted());
      }
      case POLL -> writeIds(out, party.poll());
      case FORGED -> {
        synchronized (forged) {
          out.writeInt(forged.size());
          for (ForgedFrame f : forged) {
            out.writeLong(f.kid());
            out.writeLong(f.ctr());
            out.writeLong(f.claimedLeaf());
            out.writeInt(f.reason().ordinal());
          }
          forged.clear();
        }
      }
      case MEDIA_STATS -> {
        long[] s = party.mediaStats();
        out.writeLong(s[0]);
        out.writeLong(s[1]);
      }
      case KEYS -> {
        synchronized (keys) {
          out.writeInt(keys.size());
          for (Map.Entry<Long, byte[]> k : keys) {
            out.writeLong(k.getKey());
            PartyWire.writeBytes(out, k.getValue());
          }
          keys.clear();
        }
      }
      case CLOSE -> party.close();
      case KNOW -> accountKeys.put(PartyWire.readString(in), PartyWire.readBytes(in));
      case SIGNING_KEY -> PartyWire.writeBytes(out, identity.exportSecret(suite));
      case MEETING_ID -> PartyWire.writeBytes(out, party.meetingId());
      case RESUME -> party.resume(PartyWire.readBytes(in));
      case SECRETS -> {
        held.harvest(party);
        List<byte[]> secrets = held.drain();
        out.writeInt(secrets.size());
        for (byte[] secret : secrets) {
          PartyWire.writeBytes(out, secret);
        }
      }
      case EXIT -> { }
      default -> throw new IllegalArgumentException("unknown command " + command);
    }
  }

  private static void writeIds(DataOutputStream out, List<Long> ids) throws IOException {
    out.writeInt(ids.size());
    for (long id : ids) {
      out.writeLong(id);
    }
  }
}
