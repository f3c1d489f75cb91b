import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerQuizPage } from './quiz-page.js';

// src/http/routes and dist/http/routes are both three levels below the package root.
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** Where `npm run build` puts the Vite builds (tests may point elsewhere). */
export const DEFAULT_PUBLIC_DIR = `${packageRoot}public`;
const demoDir = `${packageRoot}src/web/demo`;
const checkDir = `${packageRoot}src/web/check`;
/** The check page and its own assets, plain files served as they are (no build step). */
const CHECK_ASSETS: Record<string, string> = {
  'check.js': 'text/javascript; charset=utf-8',
  'check-strings.js': 'text/javascript; charset=utf-8',
  'check.css': 'text/css; charset=utf-8',
};
/** The public page runs only its own scripts and styles and talks only to this origin. */
const CHECK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
    // Only the console's preview frame is ever framed, and only by the console itself.
    await registerSinglePageApp(app, { name: 'console', dir: consoleDir, assetsFramable: true });
    // The police portal: its own SPA, never framed. /police/api/* are the portal's API routes
    // (registered elsewhere), so the index.html fallback leaves them alone.
    await registerSinglePageApp(app, {
      name: 'police',
      dir: `${options.publicDir}/police`,
      assetsFramable: false,
      apiPrefix: 'api/',
    });
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
    // "Check before you send": public, calls the rate-limited /public/lookup, /public/scam-reports
    // and /public/disputes.
    // "Can you spot a scam?": public, calls the rate-limited /public/quiz endpoints.
    await registerQuizPage(app, options.publicDir);
    const checkHtml = readFileSync(`${checkDir}/check.html`, 'utf8');
    const sendCheck = (reply: FastifyReply, type: string, body: string) =>
      reply
        .type(type)
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CHECK_CSP)
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'no-referrer')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    app.get('/check', { schema: { hide: true } }, (_request, reply) =>
      sendCheck(reply, 'text/html; charset=utf-8', checkHtml),
    );
    for (const [name, type] of Object.entries(CHECK_ASSETS)) {
      const body = readFileSync(`${checkDir}/${name}`, 'utf8');
      app.get(`/check/${name}`, { schema: { hide: true } }, (_request, reply) =>
        sendCheck(reply, type, body),
      );
    }
  };
}

/**
 * A Vite-built single-page app at /<name>/: its files with the console CSP, and index.html for
 * every other path under it (its own client-side routes), never framed. Paths under `apiPrefix` are
 * left to the API routes, so an unknown one is a 404 problem rather than the app's page.
 */
async function registerSinglePageApp(
  app: FastifyInstance,
  options: { name: string; dir: string; assetsFramable: boolean; apiPrefix?: string },
): Promise<void> {
  const { name, dir, assetsFramable, apiPrefix } = options;
  if (!existsSync(`${dir}/index.html`)) return;
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  await app.register(fastifyStatic, {
    root: dir,
    prefix: `/${name}/`,
    decorateReply: false,
    index: false,
    wildcard: false,
    setHeaders: (response) => {
      response.header('content-security-policy', consoleCsp(assetsFramable ? "'self'" : "'none'"));
      response.header('x-frame-options', assetsFramable ? 'SAMEORIGIN' : 'DENY');
      response.header('referrer-policy', 'same-origin');
    },
  });
  const sendApp = (_request: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consoleCsp("'none'"))
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'same-origin')
      .send(html);
  app.get(`/${name}`, { schema: { hide: true } }, (_request, reply) => reply.redirect(`/${name}/`));
  app.get(`/${name}/`, { schema: { hide: true } }, sendApp);
  app.get<{ Params: { '*': string } }>(`/${name}/*`, { schema: { hide: true } }, (request, reply) => {
    if (apiPrefix && request.params['*'].startsWith(apiPrefix)) return reply.callNotFound();
    return sendApp(request, reply);
  });
}
