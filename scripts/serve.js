// Serves the production build. adapter-node assumes https unless ORIGIN or a protocol header says
// otherwise, which breaks every form post on plain http://localhost. Without ORIGIN we tell it the
// real protocol of the socket, so the origin follows the Host header as people expect.
import http from 'node:http';

const PROTOCOL_HEADER = 'x-rapport-socket-protocol';
const trustSocket = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (trustSocket) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
process.env.NODE_ENV ??= 'production';

// Importing the handler runs the server's init hook: config, migrations, content, demo data.
const { handler } = await import('../build/handler.js');

// Static files are answered before the app's hooks run (src/hooks.server.ts sets these on everything
// else, and pages get a nonce-based policy instead): give them the same baseline security headers.
const STATIC_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'content-security-policy': "default-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
	...(process.env.ORIGIN?.startsWith('https:') ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
};

const server = http.createServer((req, res) => {
	if (trustSocket) req.headers[PROTOCOL_HEADER] = 'http';
	for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`Rapport is listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`));

const shutdown = () => {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
