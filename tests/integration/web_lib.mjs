// Helpers of the planner and coverage browser tests (web_planner,
// web_inspector): API requests as a demo user, and removing the plans a
// test made.
import { api, db, login } from './lib.mjs';

// A request as a demo user ('coordinator', 'inspector', …) of school A.
export async function asUser(role, method, path, { body, ifMatch } = {}) {
  const headers = { ...(await login(role)).headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch) headers['if-match'] = ifMatch;
  return api(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

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
