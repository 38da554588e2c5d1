-- Reclaim's schema: incidents and their steps, the plans drawn for them and each planned action,
-- approvals, the job queue, sealed secrets and the tamper-evident audit log.

CREATE TABLE incidents (
  id            uuid PRIMARY KEY,
  provider      text NOT NULL,                 -- telnyx | twilio | sendgrid | twilio+sendgrid
  label         text NOT NULL,
  rehearsal     boolean NOT NULL DEFAULT false,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  requested_by  text NOT NULL,                 -- Slack user id
  since         timestamptz,                   -- start of the suspicious window (--since)
  channel_id    text,
  progress_ts   text,                          -- the pinned progress card
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz,
  closed_by     text,
  close_reason  text
);
CREATE INDEX incidents_open ON incidents (status) WHERE status = 'open';
CREATE UNIQUE INDEX incidents_channel ON incidents (channel_id) WHERE channel_id IS NOT NULL;

CREATE TABLE steps (
  id             uuid PRIMARY KEY,
  incident_id    uuid NOT NULL REFERENCES incidents (id),
  position       integer NOT NULL,
  step_key       text NOT NULL,                -- stable playbook id, e.g. telnyx.rotate-sip-credentials
  kind           text NOT NULL CHECK (kind IN ('manual', 'automated')),
  risk           text NOT NULL CHECK (risk IN ('high', 'normal')),
  state          text NOT NULL,
  failed_phase   text CHECK (failed_phase IN ('discover', 'execute')),
  plan_digest    text,                         -- the current plan
  findings       jsonb,                        -- what discovery saw (no secrets)
  error          jsonb,                        -- {code, message} of the last failure
  decided_by     text,                         -- who marked done / skipped / rejected
  reason         text,                         -- skip or rejection reason
  message_ts     text,                         -- the step card in the incident channel
  version        integer NOT NULL DEFAULT 0,   -- bumped on every change (card redraws)
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (incident_id, step_key),
  UNIQUE (incident_id, position)
);

CREATE TABLE plans (
  step_id     uuid NOT NULL REFERENCES steps (id),
  digest      text NOT NULL,
  summary     text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (step_id, digest)
);

CREATE TABLE plan_actions (
  id           bigserial PRIMARY KEY,
  step_id      uuid NOT NULL,
  plan_digest  text NOT NULL,
  position     integer NOT NULL,
  kind         text NOT NULL,                  -- e.g. disable_forwarding
  target       text NOT NULL,                  -- provider resource id
  params       jsonb NOT NULL DEFAULT '{}',
  description  text NOT NULL,                  -- one line for the card
  state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'failed')),
  attempts     integer NOT NULL DEFAULT 0,
  result       jsonb,
  error        jsonb,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (step_id, plan_digest) REFERENCES plans (step_id, digest),
  UNIQUE (step_id, plan_digest, position)
);

CREATE TABLE approvals (
  id           bigserial PRIMARY KEY,
  step_id      uuid NOT NULL REFERENCES steps (id),
  user_id      text NOT NULL,
  plan_digest  text NOT NULL,
  decision     text NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason       text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (step_id, user_id, plan_digest)
);

CREATE TABLE jobs (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 5,
  run_at        timestamptz NOT NULL DEFAULT now(),
  locked_by     text,
  locked_until  timestamptz,
  last_error    text,
  dedupe_key    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE state IN ('queued', 'running');
-- One live job per dedupe key (e.g. one EXECUTE per step and digest); finished ones do not block.
CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running');

CREATE TABLE sealed_secrets (
  id           uuid PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incidents (id),
  step_id      uuid REFERENCES steps (id),
  label        text NOT NULL,                  -- what it is, e.g. "SIP password for connection 123"
  ciphertext   text,                           -- base64; NULL once revealed (wiped)
  iv           text,
  auth_tag     text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revealed_at  timestamptz,
  revealed_by  text
);

CREATE TABLE audit_log (
  seq          bigserial PRIMARY KEY,
  incident_id  uuid,
  actor        text NOT NULL,                  -- Slack user id, or 'reclaim' for the bot itself
  action       text NOT NULL,                  -- e.g. step.approved
  payload      jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL,
  prev_hash    text NOT NULL,
  hash         text NOT NULL UNIQUE
);
CREATE INDEX audit_log_incident ON audit_log (incident_id, seq);

-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
