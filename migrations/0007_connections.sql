-- Provider connections: Reclaim's own access to each provider account, sealed in the database so it
-- survives the rotations Reclaim's playbooks make and every replica reads the same one. A label is
-- the provider's name (`telnyx`, the connection made from the environment) or `provider:name`
-- (`telnyx:eu`). Every credential a connection ever held is kept, by version, so a step can prove
-- each old one is refused; the newest is the one in use.
CREATE TABLE connections (
  label             text PRIMARY KEY CHECK (label ~ '^(telnyx|twilio|sendgrid)(:[a-z0-9][a-z0-9_-]{0,31})?$'),
  provider          text NOT NULL CHECK (provider IN ('telnyx', 'twilio', 'sendgrid')),
  account_id        text,                        -- the account's own id, read with the credential
  source            text NOT NULL CHECK (source IN ('env', 'slack', 'incident')),
  incident_id       uuid REFERENCES incidents (id),  -- set when given for one incident only
  state             text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'refused')),
  version           integer NOT NULL,            -- the credential in use
  added_by          text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_verified_at  timestamptz
);

CREATE TABLE connection_credentials (
  label       text NOT NULL REFERENCES connections (label) ON DELETE CASCADE,
  version     integer NOT NULL,
  ciphertext  text,                              -- AES-256-GCM, base64; NULL once wiped
  iv          text,
  auth_tag    text,
  hint        text NOT NULL,                     -- the credential's last 4 characters, for cards
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (label, version)
);

ALTER TABLE incidents ADD COLUMN connections text[];   -- the labels it works through, per provider
