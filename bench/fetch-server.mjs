// The loopback server of bench/fetch.bench.mjs, run in its own process so that its work does not
// share the event loop being measured. Reports its port to the parent, then serves:
//   /item                    one small JSON object (the throughput benchmark)
//   /records?offset=N        seed 003 chunks of 1,000 records, 1,000 of them (the pagination benchmark)
import { createServer } from 'node:http';

const pageSize = 1_000;
const pageCount = 1_000;
const item = JSON.stringify({ id: 1210206595, firstName: 'Eduardo', lastName: 'Thomas', email: 'eduardo.thomas@example.com', active: true });
const pages = new Map();

/** Chunk `index` as seed 003 sends it, built once and kept: both contenders get the same bytes. */
function toPage(index) {
  let page = pages.get(index);
  if (page === undefined) {
    const records = [];
    for (let i = 0; i < pageSize; i++) {
      const id = index * pageSize + i;
      records.push(`{"id":${id},"firstName":"First ${id}","lastName":"Last ${id}"}`);
    }
    const next = index + 1;
    page = Buffer.from(`{"result":[${records.join(',')}],"offset":"${next * pageSize}","hasNext":${next < pageCount}}`);
    pages.set(index, page);
  }
  return page;
}

const server = createServer((request, response) => {
  const url = request.url ?? '/';
  if (url === '/item') {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(item) });
    response.end(item);
    return;
  }
  if (url.startsWith('/records')) {
    const offset = Number(new URL(url, 'http://x').searchParams.get('offset') ?? 0);
    const body = toPage(Math.floor(offset / pageSize));
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end('{"code":"not_found","message":"No such route"}');
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
