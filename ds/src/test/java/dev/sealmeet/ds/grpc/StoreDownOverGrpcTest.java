package dev.sealmeet.ds.grpc;

import static dev.sealmeet.ds.grpc.PushedMember.assertConverged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sealmeet.ds.LogStore;
import dev.sealmeet.ds.MemoryLogStore;
import dev.sealmeet.ds.StoreException;
import dev.sealmeet.meeting.Meeting;
import dev.sealmeet.meeting.TransportException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A store that is down: the server answers UNAVAILABLE, the client a retryable {@link
 * TransportException} after its retries, and the meeting goes on once the store is back.
 */
class StoreDownOverGrpcTest {
  private static final Set<String> STORE_CALLS =
      Set.of("head", "read", "append", "answer", "isReader", "knocks", "knock");

  private volatile boolean down;

  @Test
  void storeDown_isRetryableTransportFailure_meetingGoesOnAfter() throws Exception {
    LogStore memory = new MemoryLogStore();
    LogStore failing = (LogStore) Proxy.newProxyInstance(LogStore.class.getClassLoader(),
        new Class<?>[] {LogStore.class}, (proxy, method, args) -> {
          if (down && STORE_CALLS.contains(method.getName())) {
            throw new StoreException("the test store is down");
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    try (GrpcWorld w = new GrpcWorld(failing)) {
      DeliveryServer node = w.node("host", "ann", "bob");
      List<Meeting> m = MeetingOverGrpcTest.admitted(w, node);
      MeetingOverGrpcTest.pollAll(m);

      down = true;
      assertThatThrownBy(() -> m.get(1).poll()).isInstanceOfSatisfying(TransportException.class,
          e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("UNAVAILABLE").doesNotContain("test store");
          });
      assertThatThrownBy(() -> m.get(0).update()).isInstanceOf(TransportException.class);

      down = false;
      m.get(0).update();
      MeetingOverGrpcTest.pollAll(m);
      assertConverged(m);
    }
  }
}
