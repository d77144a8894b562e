import Fastify from 'fastify';
import pg from 'pg';

// The baseline of the `load` bench, spawned as a process of its own as the app is: a bare Fastify
// app with one route reading a person by primary key through a pg Pool of the app's size, and
// nothing else (no session, policy, audit or response schema).
const url = process.env.BENCH_BARE_DATABASE_URL;
if (!url) throw new Error('BENCH_BARE_DATABASE_URL is not set');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_BARE_POOL_MAX ?? 10) });
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/wbp/:id', async (request, reply) => {
  const { rows } = await pool.query(
    `SELECT id, sdp_number, full_name, sex, birth_date, legal_status, case_articles, facility_id, block, room, admission_date, expected_release_date
     FROM wbp WHERE id = $1`,
    [request.params.id],
  );
  if (rows.length === 0) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.once('SIGTERM', () => {
  void app.close().then(() => pool.end());
});
