-- A Twilio subaccount added as its own connection from its parent's (`/compromise connect twilio:x
-- --subaccount AC…`): the parent connection's label, shown in `/compromise connections`. The
-- subaccount's connection holds its own Auth Token, so it outlives the parent's removal (then NULL).
ALTER TABLE connections
  ADD COLUMN parent_label text REFERENCES connections (label) ON DELETE SET NULL;
