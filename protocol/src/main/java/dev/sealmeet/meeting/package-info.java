/**
 * Meetings: one MLS group (RFC 9420) per meeting, keying SFrame media (RFC 9605 §5.2), with roles,
 * a lobby, and a delivery service that orders handshakes and forwards ciphertext it cannot read.
 *
 * <pre>
 *  LobbyGuest.enter(invitation) ─► KeyPackage in the DS directory (the guest holds no key)
 *  Meeting.open (host) ─► group in the host client's MLS suite (MeetingOptions.mlsSuites), extensions:
 *        roles 0xF0A0, media parameters 0xF0A2, sender authentication 0xF0A3 (on by default),
 *        external_senders, required_capabilities (and the MLS suite definition 0xF0C5 in a
 *        post-quantum suite); DeliveryService.openMeeting(GroupInfo)
 *  Meeting.admit ─► claim KeyPackage ─► commit(Add) + next GroupInfo ─► DeliveryService.submit
 *        (PublicGroupView: signed by a current member? else REFUSED)
 *        ACCEPTED ─► merge ─► Welcome signed by the admitter ─► LobbyGuest.poll (invitation
 *        names the admitter's key) ─► Meeting (joined)
 *        STALE_EPOCH ─► discard ─► poll (catch up) ─► commit again on the new epoch
 *  Meeting.poll ─► process(envelope):
 *        handshake ─► EnvelopeGate (wire format, content type; only Removes stored)
 *                  ─► MlsGroup.process ─► StagedCommit ─► RolePolicy.check ─► merge | discard
 *        media ─► MediaProtector.receive (KID ─► epoch slot + sender ─► one key; a frame of
 *                 the next epoch is held, then released when its commit is merged) ─► classified
 *                 by SenderAuthentication (PENDING, VERIFIED, FORGED ─► MeetingListener)
 *        signature frame ─► SenderAuthentication: verified with the claimed sender's leaf key
 *        end (MLS application message from a host) ─► every key erased
 *  Meeting.send ─► SenderAuthentication.protect (tag recorded) ─► MediaFrame, then the
 *        signature frames due (MediaFrame SIGNATURE) ─► DeliveryService.submit
 *  every new epoch ─► base_key = MLS-Exporter("SFrame 1.0 Base Key", "", Nk) ─► MediaProtector
 *                 ─► the epoch's leaf signature keys read for sender authentication
 *                 ─► SecurityCode.of(epoch_authenticator) ─► RosterEvent (verified identity)
 * </pre>
 *
 * <p>Where each rule lives: roles on commits in {@link dev.sealmeet.meeting.RolePolicy} (rules
 * {@link dev.sealmeet.meeting.MeetingRule}); KID layout in {@link dev.sealmeet.meeting.KidLayout};
 * key selection and the grace window in {@link dev.sealmeet.meeting.MediaProtector} and {@link
 * dev.sealmeet.meeting.GracePolicy}; identity in {@link dev.sealmeet.meeting.IdentityVerifier};
 * ordering, first-commit-wins and the KeyPackage directory in {@link
 * dev.sealmeet.meeting.DeliveryService}; the code in {@link dev.sealmeet.meeting.SecurityCode}.
 *
 * <p>Control plane and media plane: {@code Meeting} is driven by one thread (or serialized by the
 * application); its {@link dev.sealmeet.meeting.MediaProtector} may be used by any number of
 * encoder and decoder threads at once, which read an immutable key snapshot the control plane
 * swaps in atomically and never wait on it. Key changes are crossed without loss as {@link
 * dev.sealmeet.meeting.MediaTransitions} says; {@link dev.sealmeet.meeting.MediaStats} counts what
 * happened to every frame.
 *
 * <p>The delivery service is reached through {@link dev.sealmeet.meeting.DeliveryService}, whose
 * Javadoc is the contract: envelopes cross it as bytes (no Protobuf type is part of this API; the
 * schema {@code sealmeet/meeting/v1/meeting.proto} is the wire format, which the library reads and
 * writes with its own proto3 codec, and {@link dev.sealmeet.meeting.EnvelopeRouting} reads an
 * envelope's routing fields), each with a submit id the client keeps across retries, so a
 * repeated submit is ordered once. Pull with {@code fetch} ({@link
 * dev.sealmeet.meeting.Meeting#poll()}) or push with {@code subscribe} ({@link
 * dev.sealmeet.meeting.Meeting#process(byte[])}, which processes only the envelope at {@link
 * dev.sealmeet.meeting.Meeting#nextSequence()}). A lost answer is a {@link
 * dev.sealmeet.meeting.TransportException}, never a {@link dev.sealmeet.meeting.Stall}:
 *
 * <pre>
 *  own commit ─► submit ─► no answer ─► pending kept ─► poll: log shows it ─► merge
 *                                                     │      another commit first ─► discard
 *                                                     └─► same call again ─► same submit id
 * </pre>
 *
 * <p>What the application is told and what a member does on its own, set in one {@link
 * dev.sealmeet.meeting.MeetingRuntime}: events through {@link dev.sealmeet.meeting.MeetingListener}
 * (on the control thread), log lines through {@link dev.sealmeet.meeting.MeetingLog}, counters in
 * {@link dev.sealmeet.meeting.MeetingMetrics}, and the rotation and pending-commit ladders of {@link
 * dev.sealmeet.meeting.MeetingPolicy}, applied by {@code Meeting.maintain()}.
 *
 * <p>The exporter label is the one of RFC 9605 §5.2 as published ("SFrame 1.0 Base Key"; per-sender
 * keys come from the KID inside {@code derive_key_salt}, §4.4.2). Hostile input to {@code process}
 * throws only {@link dev.sealmeet.error.SealmeetException} subtypes and changes nothing.
 */
package dev.sealmeet.meeting;
