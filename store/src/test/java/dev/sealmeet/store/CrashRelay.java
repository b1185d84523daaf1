package dev.sealmeet.store;

import dev.sealmeet.meeting.InMemoryDeliveryService;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The crash test's server on a loopback socket: an {@link InMemoryDeliveryService} reached by
 * SUBMIT and FETCH, and the vendor's own SFU reached by MEDIA (frames go to a sink, not through
 * the delivery service). Each message is an operation byte and length-prefixed fields; a request
 * cut short by a killed client is dropped whole, one that arrived whole is served even if its
 * client is gone (a commit accepted after its sender died).
 */
final class CrashRelay implements AutoCloseable {
  static final int SUBMIT = 1;
  static final int FETCH = 2;
  static final int MEDIA = 3;
  /** Largest field the relay reads. */
  static final int MAX_FIELD = 1 << 20;

  private final InMemoryDeliveryService ds;
  private final Consumer<byte[]> media;
  private final ServerSocket server;
  private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();

  /** Serves {@code ds} and hands every MEDIA frame to {@code media}, on the connection's thread. */
  CrashRelay(InMemoryDeliveryService ds, Consumer<byte[]> media) throws IOException {
    this.ds = ds;
    this.media = media;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "crash-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** What the delivery service or the sink threw while serving (nothing, in a good run). */
  Queue<RuntimeException> failures() {
    return failures;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread connection = new Thread(() -> serve(socket), "crash-relay-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()))) {
      while (true) {
        int op;
        try {
          op = in.readUnsignedByte();
        } catch (EOFException end) {
          return;
        }
        switch (op) {
          case SUBMIT -> {
            SubmitResult result = ds.submit(readField(in));
            out.writeByte(result.status().ordinal());
            out.writeLong(result.sequence());
            out.writeLong(result.epoch());
            out.writeUTF(result.reason());
          }
          case FETCH -> {
            byte[] meetingId = readField(in);
            List<SequencedEnvelope> envelopes = ds.fetch(meetingId, in.readLong());
            out.writeInt(envelopes.size());
            for (SequencedEnvelope envelope : envelopes) {
              out.writeLong(envelope.sequence());
              writeField(out, envelope.bytes());
            }
          }
          case MEDIA -> {
            media.accept(readField(in));
            out.writeByte(0);
          }
          default -> throw new IOException("unknown operation " + op);
        }
        out.flush();
      }
    } catch (IOException killed) {
      // The client died (SIGKILL) mid-request or before reading the answer.
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  static byte[] readField(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FIELD) {
      throw new IOException("field length " + length + " outside 0.." + MAX_FIELD);
    }
    byte[] field = new byte[length];
    in.readFully(field);
    return field;
  }

  static void writeField(DataOutputStream out, byte[] field) throws IOException {
    out.writeInt(field.length);
    out.write(field);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
