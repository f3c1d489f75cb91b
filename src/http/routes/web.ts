import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/http/routes and dist/http/routes are both three levels below the package root.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const warningDir = `${packageRoot}public/warning`;
const demoDir = `${packageRoot}src/web/demo`;

/** The <caveat-warning> script for exchange pages, and the demo withdrawal page. */
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
};
