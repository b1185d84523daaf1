package dev.sealmeet.ds.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.sealmeet.ds.PresencePolicy;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a {@link PresencePolicy} what each authenticated caller does: a unary call is a call (of
 * the meeting its request names, if any), a {@code Subscribe} stream is an open subscription from
 * its request until it ends. Runs inside the {@link AuthenticatingInterceptor} (it needs the
 * caller); it reads the {@code meeting_id} field of a request only, never a payload.
 */
final class PresenceInterceptor implements ServerInterceptor {
  private final PresencePolicy presence;

  PresenceInterceptor(PresencePolicy presence) {
    this.presence = Objects.requireNonNull(presence, "presence");
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    String account = AuthenticatingInterceptor.caller().account();
    boolean stream = call.getMethodDescriptor().getType() == MethodType.SERVER_STREAMING;
    AtomicBoolean open = new AtomicBoolean();
    AtomicBoolean ended = new AtomicBoolean();
    Runnable end = () -> {
      if (open.get() && ended.compareAndSet(false, true)) {
        presence.closed(account);
      }
    };
    ServerCall<Q, A> watched = new SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        end.run();
        super.close(status, trailers);
      }
    };
    return new SimpleForwardingServerCallListener<>(next.startCall(watched, headers)) {
      @Override
      public void onMessage(Q request) {
        byte[] meetingId = meetingId(request);
        if (stream && open.compareAndSet(false, true)) {
          presence.opened(account, meetingId);
        } else {
          presence.called(account, meetingId);
        }
        super.onMessage(request);
      }

      @Override
      public void onCancel() {
        end.run();
        super.onCancel();
      }
    };
  }

  private static byte[] meetingId(Object request) {
    if (request instanceof Message message) {
      FieldDescriptor field = message.getDescriptorForType().findFieldByName("meeting_id");
      if (field != null && message.getField(field) instanceof ByteString id) {
        return id.toByteArray();
      }
    }
    return null;
  }
}
