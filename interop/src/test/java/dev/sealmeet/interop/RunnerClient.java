package dev.sealmeet.interop;

import java.util.List;
import mls_client.MLSClientGrpc.MLSClientBlockingStub;

/**
 * One interop client as the runner sees it: its name, its stub, the suites it supports.
 *
 * @param name what {@code Name} answered, and the client's position
 * @param stub the blocking stub; each call gets {@link #DEADLINE_SECONDS}
 * @param suites what {@code SupportedCiphersuites} answered
 */
record RunnerClient(String name, MLSClientBlockingStub stub, List<Integer> suites) {
  /** Per-call deadline, so that no script can hang the build. */
  static final long DEADLINE_SECONDS = 120;

  /** The stub with a fresh deadline. */
  MLSClientBlockingStub rpc() {
    return stub.withDeadlineAfter(DEADLINE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
  }
}
