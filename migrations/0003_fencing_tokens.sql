-- Fencing tokens: every claim of a job draws a new number from one sequence and stores it on the
-- job row, so a worker that lost its lease holds a token that no longer matches. Each plan action
-- records the token of the claim that runs it; it is claimed and finished only under a token that
-- still matches the job (compare-and-set), so a stale worker can neither repeat nor record a write.
CREATE SEQUENCE job_fence_seq;
ALTER TABLE jobs ADD COLUMN fence bigint;
CREATE UNIQUE INDEX jobs_fence ON jobs (fence) WHERE fence IS NOT NULL;
ALTER TABLE plan_actions ADD COLUMN fence bigint;
