"""A Sealmeet media receiver that does not send: protocol.md §2.4 (receiving, replay, grace) and
§2.5 (holding frames of the next epoch), in the order of checks that
spec/vectors/meeting-more/README.md spells out for the receive logs.

Every method names its clause. Choices the text left open are README.md "Ambiguities, round 2".
"""

from dataclasses import dataclass, field

import sframe

# Verdicts and reasons of the receive logs (meeting-more/README.md; protocol.md §2.4
# MeetingRule.UNKNOWN_EPOCH / UNKNOWN_SENDER).
ACCEPT, HOLD, REJECT = "accept", "hold", "reject"
REASONS = ("malformed", "unknown_epoch", "unknown_sender", "replay", "authentication")


@dataclass
class Epoch:
    number: int
    base_key: bytes
    members: set
    replaced_at: int = None            # None while current (§2.4 grace)
    departed: set = field(default_factory=set)
    windows: dict = field(default_factory=dict)   # KID -> (highest, set of accepted CTRs)
    keys: dict = field(default_factory=dict)      # KID -> (key, salt), derived on first use


@dataclass
class Verdict:
    expect: str
    reason: str = None
    epoch: int = None
    leaf: int = None
    ctr: int = None
    plaintext: bytes = None


@dataclass
class Held:
    at_ms: int
    kid: int
    ctr: int
    header_len: int
    protected: bytes
    metadata: bytes


class Receiver:
    def __init__(self, suite, epoch_bits, window, grace_ms, grace_epochs, hold):
        self.s, self.e, self.w = suite, epoch_bits, window
        self.grace_ms, self.grace_epochs = grace_ms, grace_epochs
        self.hold = hold                  # dict: per_sender, total, bytes, time_ms
        self.slots = {}                   # epoch slot -> Epoch
        self.current = None               # Epoch
        self.replaced = []                # replaced epochs still held, oldest first
        self.held = []                    # Held, in arrival order
        self.dropped = 0

    def install(self, t, number, base_key, members, departed):
        """Install step (§2.4 [SM-MEDIA-7], [SM-MEDIA-8]; §2.5 [SM-MEDIA-12], [SM-MEDIA-13]).
        Returns the released frames as Verdicts, in arrival order."""
        if self.current is not None:
            self.current.replaced_at = t
            self.replaced.append(self.current)
        slot = number % (1 << self.e)
        old = self.slots.pop(slot, None)          # [SM-MEDIA-8]: the held epoch is erased first
        if old is not None and old in self.replaced:
            self.replaced.remove(old)
        ep = Epoch(number, base_key, set(members))
        self.slots[slot] = ep
        self.current = ep
        while len(self.replaced) > self.grace_epochs:   # [SM-MEDIA-7]: at most G replaced epochs
            gone = self.replaced.pop(0)
            self.slots.pop(gone.number % (1 << self.e), None)
        for r in self.replaced:                          # [SM-MEDIA-12]: departed leaves refused
            r.departed |= set(departed)
        # [SM-MEDIA-13]: frames held longer than hold.time_ms are dropped (A-R3), then the frames
        # of this epoch's slot go through the receive rules in arrival order; the others wait for
        # an epoch that was skipped and are dropped.
        held, self.held, released = self.held, [], []
        for h in held:
            if t - h.at_ms > self.hold["time_ms"] or h.kid % (1 << self.e) != slot:
                self.dropped += 1
                continue
            v = self._after_slot(t, ep, h.kid, h.ctr, h.header_len, h.protected, h.metadata)
            if v.expect == ACCEPT:
                released.append(v)
            else:
                self.dropped += 1
        return released

    def usable(self, ep, t):
        """§2.4 [SM-MEDIA-7]: current, or replaced for at most T (exactly T still decrypts)."""
        return ep is not None and (ep.replaced_at is None or t - ep.replaced_at <= self.grace_ms)

    def receive(self, t, protected, metadata):
        """Receive step, in the order of meeting-more/README.md (steps 1-7)."""
        # 1. §2.4 [SM-MEDIA-5], RFC 9605 §4.3: a complete, minimally encoded header.
        try:
            kid, ctr, n = sframe.decode_header(protected)
        except ValueError:
            return Verdict(REJECT, "malformed")
        # 2. §2.4 [SM-MEDIA-6] and §2.5 [SM-MEDIA-13]: the slot's keys, or hold for the next epoch.
        slot, leaf = kid % (1 << self.e), kid >> self.e
        ep = self.slots.get(slot)
        if not self.usable(ep, t):
            if (self.current is not None and slot == (self.current.number + 1) % (1 << self.e)
                    and self.hold["total"] > 0 and self._room(leaf, len(protected) + len(metadata))):
                self.held.append(Held(t, kid, ctr, n, protected, metadata))
                return Verdict(HOLD)
            return Verdict(REJECT, "unknown_epoch")
        return self._after_slot(t, ep, kid, ctr, n, protected, metadata)

    def _room(self, leaf, size):
        """§2.5 [SM-MEDIA-13] bounds: per sender leaf (KID >> E), in all, bytes (frame + metadata)."""
        mine = sum(1 for h in self.held if h.kid >> self.e == leaf)
        used = sum(len(h.protected) + len(h.metadata) for h in self.held)
        return (mine < self.hold["per_sender"] and len(self.held) < self.hold["total"]
                and used + size <= self.hold["bytes"])

    def _after_slot(self, t, ep, kid, ctr, n, protected, metadata):
        leaf = kid >> self.e
        # 3. §2.4 [SM-MEDIA-6], §2.5 [SM-MEDIA-12]: a member of that epoch, not departed since.
        if leaf not in ep.members or leaf in ep.departed:
            return Verdict(REJECT, "unknown_sender")
        # 4. §2.4 [SM-MEDIA-5]: shorter than header + Nt (RFC 9605 §4.5): malformed, no AEAD.
        if len(protected) < n + self.s.nt:
            return Verdict(REJECT, "malformed")
        # 5. §2.4 [SM-MEDIA-11]: per KID of the epoch, accepted once, dropped at >= W below highest.
        highest, seen = ep.windows.get(kid, (None, set()))
        if ctr in seen or (highest is not None and highest - ctr >= self.w):
            return Verdict(REJECT, "replay")
        # 6. RFC 9605 §4.4.2 keys, §4.4.4 open with AAD = header || metadata.
        if kid not in ep.keys:
            ep.keys[kid] = sframe.derive_key_salt(self.s, kid, ep.base_key)
        try:
            _, _, pt = sframe.unprotect(self.s, {kid: ep.keys[kid]}, metadata, protected)
        except (ValueError, KeyError):
            return Verdict(REJECT, "authentication")
        # 7. Accept; only now is the CTR recorded (a forged frame never moves the window).
        ep.windows[kid] = (ctr if highest is None else max(highest, ctr), seen | {ctr})
        return Verdict(ACCEPT, epoch=ep.number, leaf=leaf, ctr=ctr, plaintext=pt)
