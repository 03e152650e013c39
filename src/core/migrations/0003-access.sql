-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: PINs at an open desk, who wrote what, confidential
-- notes, the audit log, settings kept with the data.

-- A volunteer's PIN, as a libsodium crypto_pwhash_str hash (salted, slow);
-- three wrong PINs in a row lock it until a staff member sets a new one.
ALTER TABLE desk_person ADD COLUMN pin_hash TEXT;
ALTER TABLE desk_person ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;

-- Every record written carries who was identified at the desk
ALTER TABLE household ADD COLUMN created_by INTEGER REFERENCES desk_person (id);
ALTER TABLE person ADD COLUMN created_by INTEGER REFERENCES desk_person (id);

-- Social situation notes: encrypted again inside the database with the
-- confidential key (crypto_secretbox), which only staff and coordinator
-- key slots hold. The text is never stored in clear.
CREATE TABLE confidential_note (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES household (id),
  nonce         BLOB NOT NULL,
  ciphertext    BLOB NOT NULL,
  written_by    INTEGER REFERENCES desk_person (id),
  written_at    INTEGER NOT NULL           -- UTC Unix seconds
);
CREATE INDEX confidential_note_household ON confidential_note (household_id, written_at);

-- Who did what, when: ids, never the data itself
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,             -- UTC Unix seconds
  person_id  INTEGER REFERENCES desk_person (id),
  action     TEXT NOT NULL,
  object     TEXT                          -- "visit 12", "household 4"...
);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO setting (key, value) VALUES ('audit-retention-days', '365');
