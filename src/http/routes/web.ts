import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/http/routes and dist/http/routes are both three levels below the package root.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build` puts the Vite builds (tests may point elsewhere). */
export const DEFAULT_PUBLIC_DIR = `${packageRoot}public`;
const demoDir = `${packageRoot}src/web/demo`;
const checkPage = `${packageRoot}src/web/check/check.html`;

/**
 * The console runs only its own scripts and talks only to its own origin. Inline styles are allowed:
 * React style attributes and ECharts' SVG use them.
 */
function consoleCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * The <caveat-warning> script for exchange pages, the console, the public check page, and (demo
 * only) the demo withdrawal page. public/ is the Vite build output (`npm run build`).
 */
export function webRoutes(options: { demo: boolean; publicDir: string }): FastifyPluginAsync {
  const warningDir = `${options.publicDir}/warning`;
  const consoleDir = `${options.publicDir}/console`;
  return async (app) => {
    if (existsSync(warningDir)) {
      await app.register(fastifyStatic, {
        root: warningDir,
        prefix: '/warning/',
        decorateReply: false,
        // Exchanges embed this on their pages: let any origin load it.
        setHeaders: (response) => response.header('access-control-allow-origin', '*'),
      });
    }
    if (existsSync(`${consoleDir}/index.html`)) {
      const consoleHtml = readFileSync(`${consoleDir}/index.html`, 'utf8');
      await app.register(fastifyStatic, {
        root: consoleDir,
        prefix: '/console/',
        decorateReply: false,
        index: false,
        wildcard: false,
        // Only the preview frame is ever framed, and only by the console itself.
        setHeaders: (response) => {
          response.header('content-security-policy', consoleCsp("'self'"));
          response.header('x-frame-options', 'SAMEORIGIN');
          response.header('referrer-policy', 'same-origin');
        },
      });
      // The console is a single-page app: its own paths (/console/campaigns/…) all load index.html.
      const sendConsole = (_request: unknown, reply: FastifyReply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('content-security-policy', consoleCsp("'none'"))
          .header('x-frame-options', 'DENY')
          .header('referrer-policy', 'same-origin')
          .send(consoleHtml);
      app.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
      app.get('/console/', { schema: { hide: true } }, sendConsole);
      app.get('/console/*', { schema: { hide: true } }, sendConsole);
    }
    if (options.demo && existsSync(demoDir)) {
      await app.register(fastifyStatic, {
        root: demoDir,
        prefix: '/demo/',
        decorateReply: true,
        index: false,
      });
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
}
