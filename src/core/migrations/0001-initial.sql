-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: the site and the people who work at its desk.
-- Released schema versions are immutable: change the schema in a new file.

CREATE TABLE site (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  created_at  INTEGER NOT NULL,          -- UTC Unix seconds
  created_by  TEXT NOT NULL
);

-- Everyone who works at the desk. Staff and coordinators have a key slot
-- (key_slot is the slot id in the NAME.acuelh-keys file); the role here,
-- not the one written in the key file, is the authority. A person who
-- leaves is deactivated, never deleted: past records keep their name.
CREATE TABLE desk_person (
  id            INTEGER PRIMARY KEY,
  display_name  TEXT NOT NULL CHECK (length(display_name) > 0),
  role          TEXT NOT NULL CHECK (role IN ('volunteer', 'staff', 'coordinator')),
  key_slot      INTEGER UNIQUE,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    INTEGER NOT NULL
);
