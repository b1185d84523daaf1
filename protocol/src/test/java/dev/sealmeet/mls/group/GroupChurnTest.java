package dev.sealmeet.mls.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.group.GroupFixtures.Client;
import dev.sealmeet.mls.message.MlsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fifty members through two hundred epochs of random adds, removes and updates (by empty commits
 * and by Update proposals committed by reference), with application messages between commits.
 * After every commit, every member holds the same epoch authenticator. The seed is printed and can
 * be fixed with {@code -Dsealmeet.churn.seed=N}.
 */
class GroupChurnTest {
  private static final int MEMBERS = 50;
  private static final int EPOCHS = 200;

  @Test
  void fiftyMembers_twoHundredEpochs_agreeAfterEveryCommit() throws SealmeetException {
    long seed = Long.getLong("sealmeet.churn.seed", System.nanoTime());
    System.out.println("GroupChurnTest seed " + seed);
    Random random = new Random(seed);
    MlsSuite suite = GroupFixtures.suite(1);
    GroupConfig config = GroupConfig.defaults().withAlwaysPath(false);
    List<MlsGroup> members = new ArrayList<>();
    members.add(GroupFixtures.create(Client.of(suite, "m0", config), config));
    int names = 1;
    CommitRequest initial = CommitRequest.empty();
    List<Client> joiners = new ArrayList<>();
    for (; names < MEMBERS; names++) {
      Client c = Client.of(suite, "m" + names, config);
      joiners.add(c);
      initial = initial.add(c.keyPackage().keyPackage());
    }
    apply(members, 0, initial, joiners, config);

    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      int committer = random.nextInt(members.size());
      CommitRequest request = CommitRequest.empty();
      List<Client> added = new ArrayList<>();
      int op = random.nextInt(4);
      if (op == 0 || members.size() < MEMBERS - 5) {
        Client c = Client.of(suite, "m" + names++, config);
        added.add(c);
        request = request.add(c.keyPackage().keyPackage());
      } else if (op == 1) {
        int victim = random.nextInt(members.size());
        if (victim != committer) {
          request = request.remove(members.get(victim).ownLeafIndex());
        }
      } else if (op == 2) {
        int updater = random.nextInt(members.size());
        if (updater != committer) {
          MlsMessage update = members.get(updater).proposeUpdate();
          for (int i = 0; i < members.size(); i++) {
            if (i != updater) {
              members.get(i).process(update);
            }
          }
        }
      }
      apply(members, committer, request, added, config);
      if (random.nextInt(3) == 0) {
        int sender = random.nextInt(members.size());
        byte[] data = new byte[random.nextInt(100)];
        random.nextBytes(data);
        MlsMessage message = members.get(sender).protect(data, new byte[0]);
        for (int i = 0; i < members.size(); i++) {
          if (i != sender) {
            assertThat(((ApplicationMessage) members.get(i).process(message)).data())
                .isEqualTo(data);
          }
        }
      }
    }
    members.forEach(MlsGroup::close);
  }

  private static void apply(List<MlsGroup> members, int committer, CommitRequest request,
      List<Client> added, GroupConfig config) throws SealmeetException {
    MlsGroup sender = members.get(committer);
    CommitResult result = sender.commit(request);
    byte[] wire = result.commit().toBytes();
    List<MlsGroup> remaining = new ArrayList<>();
    for (MlsGroup member : members) {
      if (member == sender) {
        sender.mergePendingCommit();
        remaining.add(sender);
        continue;
      }
      StagedCommit staged = (StagedCommit) member.process(MlsMessage.fromBytes(wire));
      member.merge(staged);
      if (staged.removesSelf()) {
        member.close();
      } else {
        remaining.add(member);
      }
    }
    for (Client c : added) {
      remaining.add(c.join(result.welcome().orElseThrow(), config));
    }
    members.clear();
    members.addAll(remaining);
    byte[] authenticator = sender.epochAuthenticator();
    for (MlsGroup member : members) {
      assertThat(member.epochAuthenticator()).isEqualTo(authenticator);
      assertThat(member.pendingProposalCount()).isZero();
    }
  }
}
