/**
 * The MLS group state machine (RFC 9420 §10–§14): what a client calls to hold a group. Everything
 * here is built on the public surface of {@code mls.message}, {@code mls.tree}, {@code
 * mls.schedule} and {@code mls.framing}; the meeting layer and the interop server call only this
 * package's public types.
 *
 * <pre>
 *   KeyPackageBundle.create ──► KeyPackage (published)           SigningIdentity (credential + key)
 *
 *   MlsGroup.create ─┐   MlsGroup.join(Welcome) ─┐   MlsGroup.joinExternal(GroupInfo) ─┐
 *                    ▼                           ▼                                     ▼
 *               ┌─────────────────────────── ACTIVE, epoch n ──────────────────────────────┐
 *               │ protect(data) ─► PrivateMessage          propose…() ─► proposal (stored) │
 *               │ process(msg) ─► ApplicationMessage       (epoch n, or a kept past epoch) │
 *               │              ─► ReceivedProposal         (stored until the epoch ends)   │
 *               │              ─► StagedCommit ── merge ──────────────────► epoch n+1      │
 *               │                       └─ discard: nothing changed                        │
 *               │ commit(request) ─► CommitResult (pending)                                │
 *               │        ├─ mergePendingCommit ─────────────────────────────► epoch n+1    │
 *               │        └─ discardPendingCommit (another commit won)                      │
 *               └──────────────────────────────────────────────────────────────────────────┘
 *                    │ merge of a commit that removes me         │ merge of a ReInit commit
 *                    ▼                                           ▼
 *                 REMOVED (late application data only)       REINIT_PENDING
 *                                        close() ─► CLOSED (every secret erased)
 * </pre>
 *
 * <p>Receiving a commit (§12.4.2), in {@code CommitProcessor}: unprotect with the current epoch
 * (membership tag or AEAD, then the signature), resolve proposals by reference from this epoch's
 * store, validate the list (§12.2, {@code ProposalApplier}), apply it (§12.3), require a path where
 * §12.4 does, validate the path's leaf (§7.3) and keys, merge it and decrypt the path secret
 * (§7.5), derive the next epoch (§8) and check the confirmation tag. The next epoch is built aside
 * as a {@link dev.sealmeet.mls.group.StagedCommit}; the current one is never written, so a rejected
 * message changes nothing. Each rejection is a {@link dev.sealmeet.mls.group.GroupRuleException}
 * naming its {@link dev.sealmeet.mls.group.GroupRule}, or another {@code SealmeetException} subtype
 * from framing (authentication, replay, decoding).
 *
 * <p>Suites IANA has not assigned (RFC 9420 §17.1) are resolved through {@link
 * dev.sealmeet.mls.group.GroupConfig#suites()}, and {@code SuiteBinding} binds the definition of
 * such a suite into the group (a GroupContext and KeyPackage extension, Sealmeet spec §1.1): a
 * member whose registry maps the code point to another suite refuses the KeyPackage at Add, the
 * Welcome and the external join with {@link dev.sealmeet.mls.group.GroupRule#SUITE_DEFINITION},
 * and a GroupContextExtensions proposal may not drop or change it.
 *
 * <p>Forward secrecy (§9.2): message keys are deleted once used; at each epoch change the old
 * epoch's secrets and path keys are erased, and only its application receive keys survive for
 * {@link dev.sealmeet.mls.group.GroupConfig#pastEpochs()} epochs.
 *
 * <p>{@code SeatedMember} and {@code CommittedTree} are package-private simulation aids for
 * benchmarks and tests, never for production: they give a member its state by seating it in a
 * copy of another member's epoch, so thousands of members can commit once with a path while only
 * one member processes the commits (lived-in trees, issue 20).
 */
package dev.sealmeet.mls.group;
