// The benchmark's peer: a plain Node.js Fastify + pg service that answers
// the benchmark's requests with the very SQL the API runs for them, without
// any cache of its own (bench/README.md, "reads.sh").
//
//   node server.mjs PORT REQUESTS.json
//
// REQUESTS.json maps a request path with its query string (as wrk sends it)
// to the statements the API runs for it, in order, as written by
// `sqlcapture ... -json` ({name, text, values}); for GET /api/v1/levels and
// /api/v1/health it holds the API's statements as well.  Each statement is
// prepared once per connection (pg's named queries, as the API's prepared
// statements) and the last one's first column is the JSON answer.
// DATABASE_URL names the database; PEER_CONNECTIONS (default 2) the size of
// the pool: as many connections as the API has.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

const [port, file] = process.argv.slice(2);
const requests = JSON.parse(readFileSync(file, 'utf8'));
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PEER_CONNECTIONS || 2),
  options: '-c jit=off',
});

// JSON columns are sent as the text PostgreSQL made, as the API does.
const raw = { getTypeParser: () => (v) => v };
const app = Fastify({ logger: false });

async function answer(req, reply) {
  const statements = requests[req.url];
  if (!statements) {
    reply.code(404).type('application/problem+json');
    return '{"status":404}';
  }
  const client = await pool.connect();
  try {
    let res;
    for (const s of statements) {
      res = await client.query({ name: s.name, text: s.text, values: s.values, types: raw });
    }
    const row = res.rows[0];
    reply.type('application/json');
    return row ? Object.values(row)[0] : 'null';
  } finally {
    client.release();
  }
}

app.get('/*', answer);
await app.listen({ port: Number(port), host: '127.0.0.1' });
