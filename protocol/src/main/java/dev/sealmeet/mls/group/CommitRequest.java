package dev.sealmeet.mls.group;

import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Extension;
import dev.sealmeet.mls.message.GroupContextExtensionsProposal;
import dev.sealmeet.mls.message.KeyPackage;
import dev.sealmeet.mls.message.PreSharedKeyId;
import dev.sealmeet.mls.message.PreSharedKeyProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.RemoveProposal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a commit should contain beyond the proposals received in this epoch, which it always
 * includes by reference where they are valid (RFC 9420 §12.4). Immutable: each method returns a
 * new request.
 *
 * <pre>
 * group.commit(CommitRequest.empty().add(keyPackage).remove(3))
 * </pre>
 */
public final class CommitRequest {
  private final List<Proposal> inline;
  private final byte[] authenticatedData;
  private final boolean forcePath;
  private final boolean resumedGroupStart;
  private final java.util.function.Predicate<ReceivedProposal> storedFilter;

  private CommitRequest(List<Proposal> inline, byte[] authenticatedData, boolean forcePath) {
    this(inline, authenticatedData, forcePath, false, p -> true);
  }

  private CommitRequest(List<Proposal> inline, byte[] authenticatedData, boolean forcePath,
      boolean resumedGroupStart, java.util.function.Predicate<ReceivedProposal> storedFilter) {
    this.inline = List.copyOf(inline);
    this.authenticatedData = authenticatedData.clone();
    this.forcePath = forcePath;
    this.resumedGroupStart = resumedGroupStart;
    this.storedFilter = storedFilter;
  }

  /** The first commit of a group created by a reinit or branch: allows its resumption PSK. */
  CommitRequest asResumedGroupStart() {
    return new CommitRequest(inline, authenticatedData, forcePath, true, storedFilter);
  }

  /**
   * Include by reference only the stored proposals {@code filter} accepts (by default, every valid
   * one). An application's policy lives here: for example, a member without the right to add
   * leaves out Add proposals, so that its commit is not rejected by the others.
   */
  public CommitRequest includeStored(java.util.function.Predicate<ReceivedProposal> filter) {
    return new CommitRequest(inline, authenticatedData, forcePath, resumedGroupStart,
        java.util.Objects.requireNonNull(filter, "filter"));
  }

  boolean includes(ReceivedProposal stored) {
    return storedFilter.test(stored);
  }

  boolean startsResumedGroup() {
    return resumedGroupStart;
  }

  /** A commit of the received proposals only (with none, an empty commit that updates the path). */
  public static CommitRequest empty() {
    return new CommitRequest(List.of(), new byte[0], false);
  }

  /** Also add the client of {@code keyPackage} (an Add by value, §12.1.1). */
  public CommitRequest add(KeyPackage keyPackage) {
    return with(new AddProposal(keyPackage));
  }

  /** Also remove the member at {@code leafIndex} (a Remove by value, §12.1.3). */
  public CommitRequest remove(long leafIndex) {
    return with(new RemoveProposal(leafIndex));
  }

  /** Also inject the PSK {@code id} (a PreSharedKey by value, §12.1.4). */
  public CommitRequest psk(PreSharedKeyId id) {
    return with(new PreSharedKeyProposal(id));
  }

  /**
   * Also replace the GroupContext extensions (§12.1.7). The committer keeps the group's suite
   * definition extension if {@code extensions} lacks it, as it does for every by-value
   * GroupContextExtensions and ReInit proposal (Sealmeet spec §1.1).
   */
  public CommitRequest groupContextExtensions(List<Extension> extensions) {
    return with(new GroupContextExtensionsProposal(extensions));
  }

  /** Also include {@code proposal} by value. */
  public CommitRequest with(Proposal proposal) {
    List<Proposal> next = new ArrayList<>(inline);
    next.add(proposal);
    return new CommitRequest(next, authenticatedData, forcePath, resumedGroupStart,
        storedFilter);
  }

  /** Authenticated but unencrypted data for the commit's FramedContent (§6). */
  public CommitRequest authenticatedData(byte[] data) {
    return new CommitRequest(inline, data, forcePath, resumedGroupStart, storedFilter);
  }

  /** Include an UpdatePath even where the group's config and §12.4 would leave it out. */
  public CommitRequest forcePath() {
    return new CommitRequest(inline, authenticatedData, true, resumedGroupStart, storedFilter);
  }

  List<Proposal> inline() {
    return inline;
  }

  byte[] authenticatedDataCopy() {
    return authenticatedData.clone();
  }

  boolean forcesPath() {
    return forcePath;
  }

  /** Counts only. */
  @Override
  public String toString() {
    return "CommitRequest[" + inline.size() + " inline proposals" + (forcePath ? ", path]" : "]");
  }
}
