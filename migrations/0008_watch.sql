-- The post-remediation watch: once every automated step of an incident is settled, Reclaim records
-- what each step's discovery sees (the baseline), then re-runs discovery read-only on a schedule and
-- raises an alert for anything suspicious that is new. A watch outlives the incident's close.
CREATE TABLE watches (
  incident_id      uuid PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  -- waiting: steps still open; watching: baseline taken, runs scheduled; stopped / ended: no more runs
  state            text NOT NULL CHECK (state IN ('waiting', 'watching', 'stopped', 'ended')),
  hours            double precision NOT NULL CHECK (hours > 0),
  interval_minutes double precision NOT NULL CHECK (interval_minutes > 0),
  started_at       timestamptz,                  -- when the baseline was recorded
  until_at         timestamptz,
  last_run_at      timestamptz,
  runs             integer NOT NULL DEFAULT 0,   -- completed runs (the next run's number is runs + 1)
  alerts           integer NOT NULL DEFAULT 0,
  failures         integer NOT NULL DEFAULT 0,   -- consecutive runs that could not reach the provider
  last_error       text,
  ended_by         text,
  ended_at         timestamptz
);

CREATE TABLE watch_baselines (
  incident_id  uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  step_key     text NOT NULL,                    -- the playbook step whose discovery this is
  digest       text NOT NULL,                    -- the plan digest discovery gave then
  findings     jsonb NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (incident_id, step_key)
);

-- One row per alert: the new suspicious findings of one step in one run, and the step that undoes them.
CREATE TABLE watch_alerts (
  id           bigserial PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  step_key     text NOT NULL,
  step_id      uuid NOT NULL REFERENCES steps (id) ON DELETE CASCADE,
  run          integer NOT NULL,
  findings     jsonb NOT NULL,                   -- [{resource, summary}] that raised it
  seen_at      timestamptz NOT NULL,
  UNIQUE (incident_id, step_key, run)
);
