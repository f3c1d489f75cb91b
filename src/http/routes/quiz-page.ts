import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pageDir = fileURLToPath(new URL('../../../src/web/quiz/page/', import.meta.url));
/** The page's own files, plain, served as they are; the element is the Vite build in public/quiz. */
const PAGE_ASSETS: Record<string, string> = {
  'quiz-page.js': 'text/javascript; charset=utf-8',
  'quiz-page.css': 'text/css; charset=utf-8',
};
/** Like /check: only this origin's scripts and styles, never framed, no referrer. */
const QUIZ_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The public /quiz page and the <caveat-quiz> script, which exchanges may embed from any origin. */
export async function registerQuizPage(app: FastifyInstance, publicDir: string): Promise<void> {
  const elementDir = `${publicDir}/quiz`;
  if (existsSync(elementDir)) {
    await app.register(fastifyStatic, {
      root: elementDir,
      prefix: '/quiz/',
      decorateReply: false,
      index: false,
      setHeaders: (response) => response.header('access-control-allow-origin', '*'),
    });
  }
  const send = (reply: FastifyReply, type: string, body: string) =>
    reply
      .type(type)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', QUIZ_CSP)
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  const html = readFileSync(`${pageDir}quiz.html`, 'utf8');
  app.get('/quiz', { schema: { hide: true } }, (_request, reply) =>
    send(reply, 'text/html; charset=utf-8', html),
  );
  for (const [name, type] of Object.entries(PAGE_ASSETS)) {
    const body = readFileSync(`${pageDir}${name}`, 'utf8');
    app.get(`/quiz/${name}`, { schema: { hide: true } }, (_request, reply) => send(reply, type, body));
  }
}
