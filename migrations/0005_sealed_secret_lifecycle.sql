-- Sealed secrets are wiped only once their reveal was delivered. A Reveal first claims the secret
-- for a short while (reveal_claimed_by / reveal_claimed_until): the value is read and sent, and
-- only when Slack accepted the message is the sealed value wiped (revealed_at). A delivery that
-- failed releases the claim; one cut short by a crash lapses, and the secret can be revealed again.
-- Closing an incident wipes every secret never revealed (wiped_at), for the report to say so.
ALTER TABLE sealed_secrets ADD COLUMN reveal_claimed_by text;
ALTER TABLE sealed_secrets ADD COLUMN reveal_claimed_until timestamptz;
ALTER TABLE sealed_secrets ADD COLUMN wiped_at timestamptz;
