// Helpers of the planner and coverage browser tests (web_planner,
// web_inspector); requests as a demo user are plans_lib.mjs's call().
import { db } from './lib.mjs';

// Remove every plan whose title starts with prefix (with its items).
export async function removePlans(prefix) {
  const c = await db();
  try {
    await c.query('BEGIN');
    await c.query("SELECT set_config('leerlijn.audit', 'off', true)");
    await c.query('DELETE FROM plan WHERE title LIKE $1', [`${prefix}%`]);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}
