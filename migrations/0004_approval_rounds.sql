-- Approval rounds: every time a step starts discovering (first look, Rediscover, Retry of a failed
-- discovery) it begins a new round, and an approval or rejection belongs to the round it was given
-- in. Only the current round's decisions count, so a Reject is never voided by a Rediscover that
-- finds the same plan: the approvals given before it stay in their round. Rows from before this
-- migration are round 0 on both sides and go on counting together.
ALTER TABLE steps ADD COLUMN approval_round integer NOT NULL DEFAULT 0;
ALTER TABLE approvals ADD COLUMN round integer NOT NULL DEFAULT 0;
ALTER TABLE approvals DROP CONSTRAINT approvals_step_id_user_id_plan_digest_key;
ALTER TABLE approvals ADD CONSTRAINT approvals_once_per_round UNIQUE (step_id, round, user_id, plan_digest);
