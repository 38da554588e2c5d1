-- Reclaim Local: the workspace of the embedded Slack console (people, channels, the latest version
-- of each message, pins, uploaded report files), kept as one JSON snapshot written after each
-- change, so the console shows the same channels after a restart. Unused when real Slack is
-- configured. Ephemeral messages (a revealed credential among them) are never written here.
CREATE TABLE local_slack_workspaces (
  id        text PRIMARY KEY,
  snapshot  jsonb NOT NULL,
  saved_at  timestamptz NOT NULL DEFAULT now()
);
