import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/http/routes and dist/http/routes are both three levels below the package root.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const warningDir = `${packageRoot}public/warning`;
const demoDir = `${packageRoot}src/web/demo`;
const checkPage = `${packageRoot}src/web/check/check.html`;

/** The <caveat-warning> script for exchange pages, the demo withdrawal page, and the public check page. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  if (existsSync(warningDir)) {
    await app.register(fastifyStatic, {
      root: warningDir,
      prefix: '/warning/',
      decorateReply: false,
      // Exchanges embed this on their pages: let any origin load it.
      setHeaders: (response) => response.header('access-control-allow-origin', '*'),
    });
  }
  if (existsSync(demoDir)) {
    await app.register(fastifyStatic, { root: demoDir, prefix: '/demo/', decorateReply: true, index: false });
    app.get('/demo/withdraw', { schema: { hide: true } }, (_request, reply) =>
      reply.sendFile('withdraw.html', demoDir),
    );
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/demo/withdraw'));
  }
  // "Check before you send": public, calls the rate-limited /public/lookup.
  const checkHtml = readFileSync(checkPage, 'utf8');
  app.get('/check', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(checkHtml),
  );
};
