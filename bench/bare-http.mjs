// The baseline of the `embedded` bench's cold start: a bare Node HTTP server, spawned the same way
// as `node bin/pulih.mjs serve`, answering every request with a short page.
import http from 'node:http';

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><title>Pulih</title>');
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close());
