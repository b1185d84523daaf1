package dev.sealmeet.store;

import dev.sealmeet.meeting.DeliveryService;
import dev.sealmeet.meeting.KeyPackageEntry;
import dev.sealmeet.meeting.SequencedEnvelope;
import dev.sealmeet.meeting.SubmitResult;
import dev.sealmeet.meeting.SubmitStatus;
import dev.sealmeet.meeting.Subscription;
import dev.sealmeet.meeting.TransportException;
import dev.sealmeet.mls.group.ExternalSender;
import dev.sealmeet.mls.message.MlsMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A member's side of {@link CrashRelay}: the delivery-service calls a resumed member makes (submit
 * and fetch) and the media plane's MEDIA, one request at a time over one connection. The lobby,
 * the directory and pushes are not served: a resumed member needs none of them.
 */
final class RelayDeliveryService implements DeliveryService, AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  private RelayDeliveryService(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
  }

  static RelayDeliveryService connect(int port) throws IOException {
    return new RelayDeliveryService(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  @Override
  public synchronized SubmitResult submit(byte[] envelope) throws TransportException {
    try {
      out.writeByte(CrashRelay.SUBMIT);
      CrashRelay.writeField(out, envelope);
      out.flush();
      SubmitStatus status = SubmitStatus.values()[in.readUnsignedByte()];
      return new SubmitResult(status, in.readLong(), in.readLong(), in.readUTF());
    } catch (IOException e) {
      throw new TransportException("relay: " + e.getMessage(), true);
    }
  }

  @Override
  public synchronized List<SequencedEnvelope> fetch(byte[] meetingId, long fromSequence)
      throws TransportException {
    try {
      out.writeByte(CrashRelay.FETCH);
      CrashRelay.writeField(out, meetingId);
      out.writeLong(fromSequence);
      out.flush();
      int count = in.readInt();
      List<SequencedEnvelope> envelopes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long sequence = in.readLong();
        envelopes.add(new SequencedEnvelope(sequence, CrashRelay.readField(in)));
      }
      return envelopes;
    } catch (IOException e) {
      throw new TransportException("relay: " + e.getMessage(), true);
    }
  }

  /** Hands one SFrame to the relay's SFU and waits for its acknowledgement. */
  synchronized void media(byte[] sframe) throws IOException {
    out.writeByte(CrashRelay.MEDIA);
    CrashRelay.writeField(out, sframe);
    out.flush();
    in.readUnsignedByte();
  }

  @Override
  public ExternalSender externalSender() {
    throw new UnsupportedOperationException("the crash relay serves submit, fetch and media");
  }

  @Override
  public void openMeeting(byte[] meetingId, MlsMessage groupInfo) {
    throw new UnsupportedOperationException("the crash relay serves submit, fetch and media");
  }

  @Override
  public Subscription subscribe(byte[] meetingId, long fromSequence,
      Consumer<SequencedEnvelope> listener) {
    throw new UnsupportedOperationException("the crash relay serves submit, fetch and media");
  }

  @Override
  public void publishKeyPackage(byte[] meetingId, KeyPackageEntry entry) {
    throw new UnsupportedOperationException("the crash relay serves submit, fetch and media");
  }

  @Override
  public Optional<KeyPackageEntry> claimKeyPackage(byte[] meetingId, String account) {
    throw new UnsupportedOperationException("the crash relay serves submit, fetch and media");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
