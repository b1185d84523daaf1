/**
 * The ratchet tree of MLS (RFC 9420 §4, §7, §12.1, Appendix C): array tree math, the public tree
 * with its blanks and unmerged leaves, tree and parent hashes, joiner validation and TreeKEM.
 *
 * <pre>
 * ratchet_tree extension bytes ─ RatchetTree.decode ─► RatchetTree (immutable, full width)
 *      │                                                 │ resolution / filteredDirectPath (§4.1)
 *      │                                                 │ withAdd/withUpdate/withRemove (§12.1)
 *      ▼                                                 ▼
 * TreeValidator.validate (§12.4.3.1):          TreeHashes: rootHash (§7.8), parentHash (§7.9)
 *   tree hash, leaves (§7.3), unmerged leaves,
 *   key uniqueness, parent hashes (§7.9.2)
 *
 * committer: TreeKem.generate ─► UpdatePath, tree', TreePrivateKeys, commit_secret (§7.4–§7.6)
 * receiver:  TreeKem.merge (parent hash of the new leaf, §7.9.2) ─► tree'
 *            TreeKem.decrypt(ctx with tree_hash(tree')) ─► TreePrivateKeys', commit_secret
 * </pre>
 *
 * <p>Wire structs ({@code LeafNode}, {@code ParentNode}, {@code UpdatePath}, ...) live in {@code
 * dev.sealmeet.mls.message}; labelled crypto in {@code dev.sealmeet.mls.crypto.MlsSuite}. Rejected
 * input throws {@link dev.sealmeet.error.ProtocolException} naming the RFC section and changes no
 * tree: every operation returns a new {@link dev.sealmeet.mls.tree.RatchetTree}.
 */
package dev.sealmeet.mls.tree;
