import type { Queryable } from '../../../db/db.js';
import type { WorkspaceSnapshot } from '../model/snapshot.js';

/** The one workspace Reclaim Local keeps (the table allows more, e.g. one per test). */
export const LOCAL_WORKSPACE_ID = 'local';

/** The saved snapshot of a workspace, or null before the first save. Not validated here. */
export async function loadWorkspaceSnapshot(db: Queryable, id = LOCAL_WORKSPACE_ID): Promise<unknown | null> {
  const { rows } = await db.query<{ snapshot: unknown }>(
    'SELECT snapshot FROM local_slack_workspaces WHERE id = $1',
    [id],
  );
  const value = rows[0]?.snapshot;
  if (value === undefined) return null;
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

export async function saveWorkspaceSnapshot(
  db: Queryable,
  snapshot: WorkspaceSnapshot,
  id = LOCAL_WORKSPACE_ID,
): Promise<void> {
  await db.query(
    `INSERT INTO local_slack_workspaces (id, snapshot, saved_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, saved_at = EXCLUDED.saved_at`,
    [id, JSON.stringify(snapshot)],
  );
}

export interface Saver {
  /** Something changed: a save follows (one at a time; changes during a save cause one more). */
  changed(): void;
  /** Resolves once everything changed so far is saved. */
  flush(): Promise<void>;
}

/**
 * Coalesces saves: however many changes arrive while a save runs, one more save follows it, so
 * the database always ends with the latest state and never gets a write per keystroke.
 */
export function createSaver(save: () => Promise<void>, onError: (err: unknown) => void): Saver {
  let running: Promise<void> | null = null;
  let dirty = false;
  const loop = async () => {
    while (dirty) {
      dirty = false;
      try {
        await save();
      } catch (err) {
        onError(err);
      }
    }
    running = null;
  };
  return {
    changed() {
      dirty = true;
      running ??= loop();
    },
    async flush() {
      while (running) await running;
    },
  };
}
