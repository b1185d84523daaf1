package dev.sealmeet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.mls.protocol.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange files of the ts-mls comparison, with BouncyCastle MLS standing in for the peer in
 * another process: it joins from {@code welcome.bin}, reaches each {@code process-{op}} epoch,
 * writes its own commits, and {@code verify} accepts them; a wrong authenticator fails it.
 */
class PeerExchangeTest extends OwnFixtureCache {
  private static final int MEMBERS = 10;


  @Test
  void prepare_peerJoinsProcessesCreates_verifyAccepts_thenRejectsAWrongAuthenticator(
      @TempDir Path dir) throws Exception {
    SealmeetGroupFixture fixture = new SealmeetGroupFixture();
    BcGroupFixture bc = new BcGroupFixture();
    BcGroupFixture.Client peer = bc.newClient("peer");
    Path sub = PeerExchange.directory(dir, MEMBERS, "realistic");
    PeerExchange.prepare(fixture, BcGroupFixture.keyPackageBytes(peer), sub, MEMBERS,
        "realistic");

    Group joined = bc.join(peer, Files.readAllBytes(sub.resolve("welcome.bin")));
    assertThat(joined.getEpochAuthenticator())
        .isEqualTo(Files.readAllBytes(sub.resolve("epoch-authenticator.bin")));
    for (String op : PeerExchange.OPS) {
      Group next = joined.handle(Files.readAllBytes(sub.resolve("process-" + op + ".bin")), null);
      assertThat(next.getEpochAuthenticator()).as(op)
          .isEqualTo(Files.readAllBytes(sub.resolve("process-" + op + "-authenticator.bin")));
      Group.GroupWithMessage made = bc.commit(joined,
          BcGroupFixture.proposals(op, bc.newClient("joiner"), 1), !"add".equals(op), 0);
      Files.write(sub.resolve("created-" + op + ".bin"),
          BcGroupFixture.commitBytes(made.message));
      Files.write(sub.resolve("created-" + op + "-authenticator.bin"),
          made.group.getEpochAuthenticator());
    }
    PeerExchange.verify(fixture, sub);

    byte[] wrong = Files.readAllBytes(sub.resolve("created-update-authenticator.bin"));
    wrong[wrong.length - 1] ^= 1;
    Files.write(sub.resolve("created-update-authenticator.bin"), wrong);
    assertThatThrownBy(() -> PeerExchange.verify(fixture, sub))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("update");
  }
}
