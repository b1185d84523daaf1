-- The delivery service's log in PostgreSQL, shared by any number of stateless server nodes.
-- Every rule that must hold across nodes is a constraint or a row lock here, never a node's memory:
-- one commit per epoch (commits' primary key), one answer per submit id (answers' primary key),
-- gapless sequence numbers (entries are appended under the meeting row's lock at next_seq).

-- The server's signing identity (SigningIdentity.exportSecret bytes): one row, made once.
CREATE TABLE server_identity (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  identity  bytea   NOT NULL
);

-- A meeting's head: what the next envelope is checked against.
CREATE TABLE meetings (
  id         bytea       PRIMARY KEY,
  epoch      bigint      NOT NULL CHECK (epoch >= 0),
  group_info bytea       NOT NULL,            -- MLSMessage(GroupInfo) of epoch, with the tree
  next_seq   bigint      NOT NULL DEFAULT 1 CHECK (next_seq >= 1),
  horizon    bigint      NOT NULL DEFAULT 1,  -- entries below it were compacted away
  ended      boolean     NOT NULL DEFAULT false,
  opener     text        NOT NULL,            -- the account that opened it: its first reader
  created    timestamptz NOT NULL DEFAULT now()
);

-- The ordered log: one row per sequence number.
CREATE TABLE entries (
  meeting bytea  NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  seq     bigint NOT NULL CHECK (seq >= 1),
  bytes   bytea  NOT NULL,
  PRIMARY KEY (meeting, seq)
);

-- The commit of each epoch (RFC 9420 §14: the first valid commit of an epoch wins). The primary
-- key makes a second commit of one epoch impossible, whatever node tries.
CREATE TABLE commits (
  meeting bytea  NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  epoch   bigint NOT NULL,
  seq     bigint NOT NULL,
  PRIMARY KEY (meeting, epoch)
);

-- The first answer to each submit id, with the digest of the bytes it answered.
CREATE TABLE answers (
  meeting   bytea    NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  submit_id bytea    NOT NULL,
  digest    bytea    NOT NULL,
  status    text     NOT NULL CHECK (status IN ('ACCEPTED', 'STALE_EPOCH', 'REFUSED')),
  seq       bigint   NOT NULL,                -- 0 unless ACCEPTED
  epoch     bigint   NOT NULL,
  reason    text     NOT NULL,
  PRIMARY KEY (meeting, submit_id)
);

-- A meeting's lobby may fill before the meeting is opened (a guest may knock and publish first),
-- so lobby and key_packages refer to a meeting id, not to a meetings row; dropping a meeting
-- deletes them explicitly.

-- The accounts waiting in a meeting's lobby, in the order of their first knock.
CREATE TABLE lobby (
  meeting     bytea       NOT NULL,
  account     text        NOT NULL,
  knock_order bigint      GENERATED ALWAYS AS IDENTITY,
  first_knock timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting, account)
);
CREATE INDEX lobby_by_order ON lobby (meeting, knock_order);

-- KeyPackages published to a meeting's lobby (RFC 9420 §10, §16.8): a plain one is handed out
-- once, a last-resort one stays.
CREATE TABLE key_packages (
  id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting     bytea   NOT NULL,
  account     text    NOT NULL,
  last_resort boolean NOT NULL,
  bytes       bytea   NOT NULL
);
CREATE INDEX key_packages_by_owner ON key_packages (meeting, account, last_resort, id);
