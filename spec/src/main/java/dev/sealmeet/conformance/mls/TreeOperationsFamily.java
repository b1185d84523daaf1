package dev.sealmeet.conformance.mls;

import dev.sealmeet.codec.TlsReader;
import dev.sealmeet.conformance.CaseResult;
import dev.sealmeet.conformance.VectorFamily;
import dev.sealmeet.conformance.json.JsonNode;
import dev.sealmeet.crypto.SuiteRegistry;
import dev.sealmeet.error.SealmeetException;
import dev.sealmeet.mls.crypto.MlsSuite;
import dev.sealmeet.mls.message.AddProposal;
import dev.sealmeet.mls.message.Proposal;
import dev.sealmeet.mls.message.RemoveProposal;
import dev.sealmeet.mls.message.UpdateProposal;
import dev.sealmeet.mls.tree.RatchetTree;
import dev.sealmeet.mls.tree.TreeHashes;
import java.util.List;

/**
 * {@code tree-operations.json} (test-vectors.md "Tree Operations"): tree hash before, the tree
 * after applying one Add, Update or Remove (RFC 9420 §12.1.1–§12.1.3), byte for byte, and its tree
 * hash.
 */
public final class TreeOperationsFamily implements VectorFamily {
  private final SuiteRegistry suites;

  /** Resolves suite ids with RFC 9420's registry ({@link SuiteRegistry#rfc9420()}). */
  public TreeOperationsFamily() {
    this(SuiteRegistry.rfc9420());
  }

  /** Resolves suite ids with {@code suites} (e.g. {@link SuiteRegistry#draftPq()}). */
  public TreeOperationsFamily(SuiteRegistry suites) {
    this.suites = java.util.Objects.requireNonNull(suites, "suites");
  }

  @Override
  public String name() {
    return "mls/tree-operations";
  }

  @Override
  public boolean recognises(String relativePath, JsonNode content) {
    return VectorFamily.fileName(relativePath).equals("tree-operations.json");
  }

  @Override
  public List<CaseResult> run(JsonNode content) {
    return ScheduleVectors.run(content, suites, TreeOperationsFamily::check);
  }

  private static void check(MlsSuite suite, JsonNode c, Mismatches m) throws SealmeetException {
    TreeHashes hashes = new TreeHashes(suite);
    RatchetTree before = RatchetTree.decode(c.hex("tree_before"));
    m.bytes("tree_hash_before", c.hex("tree_hash_before"), hashes.rootHash(before));
    Proposal proposal = TlsReader.decodeExactly(c.hex("proposal"), Proposal::decode);
    long sender = c.get("proposal_sender").asLong();
    RatchetTree after;
    if (proposal instanceof AddProposal add) {
      after = before.withAdd(add.keyPackage().leafNode()).tree();
    } else if (proposal instanceof UpdateProposal update) {
      after = before.withUpdate(sender, update.leafNode());
    } else if (proposal instanceof RemoveProposal remove) {
      after = before.withRemove(remove.removed());
    } else {
      throw new IllegalArgumentException("proposal type " + proposal.proposalType()
          + " is not a tree operation");
    }
    m.bytes("tree_after", c.hex("tree_after"), after.encode());
    m.bytes("tree_hash_after", c.hex("tree_hash_after"), hashes.rootHash(after));
  }
}
