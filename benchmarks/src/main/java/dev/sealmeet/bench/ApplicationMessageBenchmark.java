package dev.sealmeet.bench;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.group.MlsGroup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import java.util.concurrent.TimeUnit;

/**
 * MLS application messages (RFC 9420 §6.3, PrivateMessage) between two members of an {@code
 * members}-member group: {@code protect} is the sender's side alone (the next generation of its
 * application ratchet, the AEAD, the sender-data encryption, the encoding); {@code roundTrip} is
 * protect, then decode and process at the other member. Each invocation sends a new message, so the
 * ratchets advance as in a real chat; the secret tree's per-sender derivation (O(log N)) happens once
 * per sender and epoch, so the steady state hardly depends on N or the tree.
 *
 * <p>Sealmeet only ({@link BcGroupFixture} does not expose BouncyCastle's application messages). The
 * members are leaf 0 and the last leaf of a {@code fresh}, {@code realistic} or {@code half} tree.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApplicationMessageBenchmark extends GroupBenchmarkBase {
  /** Members in the group. */
  @Param({"2", "10", "100", "1000", "10000"})
  public int members;

  /** The tree: {@code fresh}, {@code realistic} or {@code half} (see {@link JoinBenchmark}). */
  @Param({"fresh"})
  public String tree;

  /** Application data bytes per message (a chat line, a reaction, a control record). */
  @Param({"256"})
  public int size;

  private MlsGroup sender;
  private MlsGroup receiver;
  private byte[] data;
  private static final byte[] NO_AAD = new byte[0];

  /** Loads or grows the group and seats the two members. */
  @Setup
  public void setUp() throws Exception {
    boolean fresh = isFresh(tree);
    SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    if (fresh) {
      SealmeetGroupFixture.Grown grown = fixture.grow(members);
      sender = grown.creator;
      receiver = grown.join(members - 2);
    } else {
      RealisticGroupFixture.Members loaded = RealisticGroupFixture.load(fixture, members, tree);
      sender = loaded.viewpoint();
      receiver = loaded.last();
    }
    data = new byte[size];
    new java.util.Random(size).nextBytes(data);
  }

  /** Wipes both members. */
  @TearDown
  public void tearDown() {
    sender.close();
    receiver.close();
  }

  /** The sender's side: one PrivateMessage, encoded. */
  @Benchmark
  public byte[] protect() {
    return sender.protect(data, NO_AAD).toBytes();
  }

  /** One message sent and received: protect, encode, decode, process. */
  @Benchmark
  public Object roundTrip() throws SealmeetException {
    byte[] wire = sender.protect(data, NO_AAD).toBytes();
    return receiver.process(SealmeetGroupFixture.decode(wire));
  }
}
