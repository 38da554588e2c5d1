// Cron expressions (RECLAIM_POSTURE_CRON): five fields, read in UTC, through cron-parser.
import { CronExpressionParser } from 'cron-parser';

const FIELDS = 5;

/** Why `expression` is not a five-field cron expression, or null when it is one. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== FIELDS) return `it has ${fields.length} fields, not ${FIELDS}`;
  try {
    CronExpressionParser.parse(expression, { tz: 'UTC' }).next();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The first time strictly after `after` that `expression` (five fields, UTC) names. Throws when it is not one. */
export function nextCronTime(expression: string, after: Date): Date {
  const problem = cronProblem(expression);
  if (problem) throw new Error(`not a cron expression (${problem}): ${expression}`);
  return CronExpressionParser.parse(expression, { currentDate: after, tz: 'UTC' }).next().toDate();
}
