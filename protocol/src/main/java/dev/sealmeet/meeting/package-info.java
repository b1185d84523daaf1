/**
 * Meetings: one MLS group (RFC 9420) per meeting, keying SFrame media (RFC 9605 §5.2), with roles,
 * a lobby, and a delivery service that orders handshakes and forwards ciphertext it cannot read.
 *
 * <pre>
 *  LobbyGuest.enter(invitation) ─► KeyPackage in the DS directory (the guest holds no key)
 *  Meeting.open (host) ─► group in the host client's MLS suite (MeetingOptions.mlsSuites), extensions:
 *        roles 0xF0A0, SFrame suite 0xF0A1, external_senders, required_capabilities (and the MLS
 *        suite definition 0xF0C5 in a post-quantum suite); DeliveryService.openMeeting(GroupInfo)
 *  Meeting.admit ─► claim KeyPackage ─► commit(Add) + next GroupInfo ─► DeliveryService.submit
 *        (PublicGroupView: signed by a current member? else REFUSED)
 *        ACCEPTED ─► merge ─► Welcome signed by the admitter ─► LobbyGuest.poll (invitation
 *        names the admitter's key) ─► Meeting (joined)
 *        STALE_EPOCH ─► discard ─► poll (catch up) ─► commit again on the new epoch
 *  Meeting.poll ─► process(envelope):
 *        handshake ─► EnvelopeGate (wire format, content type; only Removes stored)
 *                  ─► MlsGroup.process ─► StagedCommit ─► RolePolicy.check ─► merge | discard
 *        media ─► MediaProtector.unprotect (KID ─► epoch slot + sender ─► one key)
 *        end (MLS application message from a host) ─► every key erased
 *  every new epoch ─► base_key = MLS-Exporter("SFrame 1.0 Base Key", "", Nk) ─► MediaProtector
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
 * <p>The exporter label is the one of RFC 9605 §5.2 as published ("SFrame 1.0 Base Key"; per-sender
 * keys come from the KID inside {@code derive_key_salt}, §4.4.2). Hostile input to {@code process}
 * throws only {@link dev.sealmeet.error.SealmeetException} subtypes and changes nothing.
 */
package dev.sealmeet.meeting;
