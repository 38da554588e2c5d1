-- Modal nonces: a modal Reclaim opens (the Skip reason, any other) carries a random nonce in its
-- private_metadata; only its SHA-256 is kept here, bound to the user the modal was opened for, the
-- step and what the modal is for. A submission is accepted once, from that user, for that step,
-- before it expires; a forged, altered or replayed submission finds no row and changes nothing.
CREATE TABLE modal_nonces (
  nonce_hash  text PRIMARY KEY,
  purpose     text NOT NULL,                 -- e.g. skip
  user_id     text NOT NULL,
  step_id     uuid NOT NULL REFERENCES steps (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX modal_nonces_expiry ON modal_nonces (expires_at);
