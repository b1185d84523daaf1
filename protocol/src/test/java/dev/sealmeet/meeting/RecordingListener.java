package dev.sealmeet.meeting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A listener that writes down every call, by the account of the member or guest told. */
final class RecordingListener implements MeetingListener {
  /** One call: who was told what. */
  record Call(String account, String event, Object detail) {}

  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void rosterChanged(Meeting meeting, RosterChange change) {
    calls.add(new Call(meeting.account(), "roster", change));
  }

  @Override
  public void envelopeRejected(Meeting meeting, Rejection rejection) {
    calls.add(new Call(meeting.account(), "rejected", rejection));
  }

  @Override
  public void stalled(Meeting meeting, Stall stall) {
    calls.add(new Call(meeting.account(), "stalled", stall));
  }

  @Override
  public void gone(Meeting meeting) {
    calls.add(new Call(meeting.account(), "gone", meeting.status()));
  }

  @Override
  public void ended(Meeting meeting, Optional<Invitation> successor) {
    calls.add(new Call(meeting.account(), "ended", successor));
  }

  @Override
  public void lobbyKnock(Meeting meeting, String account) {
    calls.add(new Call(meeting.account(), "knock", account));
  }

  @Override
  public void identityRevoked(Meeting meeting, long leaf, VerifiedIdentity lastVerified) {
    calls.add(new Call(meeting.account(), "revoked", lastVerified));
  }

  @Override
  public void welcomeSkipped(LobbyGuest guest, WelcomeSkip skip) {
    calls.add(new Call(guest.account(), "welcomeSkipped", skip));
  }

  /** The events {@code account} was told, in order. */
  List<String> eventsOf(String account) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.account().equals(account)).map(Call::event)
          .collect(Collectors.toList());
    }
  }

  /** The details of the {@code event} calls {@code account} was told, in order. */
  <T> List<T> details(String account, String event, Class<T> type) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.account().equals(account) && c.event().equals(event))
          .map(c -> type.cast(c.detail())).collect(Collectors.toList());
    }
  }

  void clear() {
    calls.clear();
  }
}
