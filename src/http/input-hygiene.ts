import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../errors.js';
import { sendProblem } from './problem.js';

/**
 * One rule for every string the API takes: it is valid Unicode without NUL. PostgreSQL cannot store
 * U+0000 in text and refuses lone UTF-16 surrogates once encoded, so such a string would otherwise
 * fail deep in a query (a 500, or a degraded answer with nothing recorded). Checked once, at the
 * edge, before schemas, auth or handlers see the request.
 */

// A NUL, or a surrogate that is not half of a pair: the code units PostgreSQL cannot hold.
// eslint-disable-next-line no-control-regex -- NUL is the very character this file looks for.
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_PROBLEMS = 20;
const MAX_SHOWN_KEY = 64;

/** Why the string cannot be taken, or undefined when it can. */
export function textProblem(value: string): string | undefined {
  if (!SUSPECT.test(value)) return undefined;
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'is not valid text (a broken Unicode character)';
  return undefined;
}

/** A key as it may appear in a field name: JSON-pointer escaped, bad characters made visible, short. */
function shownKey(key: string): string {
  const visible = key
    .replace(/~/g, '~0')
    .replace(/\//g, '~1')
    // eslint-disable-next-line no-control-regex -- shows a NUL in a field name instead of sending it.
    .replace(/[\u0000\uD800-\uDFFF]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > MAX_SHOWN_KEY ? `${visible.slice(0, MAX_SHOWN_KEY)}…` : visible;
}

/**
 * Every problem in a parsed value (JSON body, query, params), keys included. Iterative, so a
 * 10,000-deep array cannot exhaust the stack.
 */
export function findTextProblems(
  root: unknown,
  where: string,
  problems: FieldProblem[] = [],
): FieldProblem[] {
  const pending: Array<{ value: unknown; field: string }> = [{ value: root, field: where }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, field } = pending.pop() as { value: unknown; field: string };
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) problems.push({ field, message });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], field: `${field}/${i}` });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childField = `${field}/${shownKey(key)}`;
        const keyMessage = textProblem(key);
        if (keyMessage) problems.push({ field: childField, message: `has a name that ${keyMessage}` });
        pending.push({ value: child, field: childField });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

function headerProblems(request: FastifyRequest, problems: FieldProblem[]): void {
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      const message = textProblem(one);
      if (message) problems.push({ field: `headers/${name}`, message });
    }
  }
  // @fastify/cookie percent-decodes values, so `caveat_session=%00` is a NUL only after parsing.
  for (const value of Object.values(request.cookies ?? {})) {
    const message = typeof value === 'string' ? textProblem(value) : undefined;
    if (message) problems.push({ field: 'headers/cookie', message: `has a cookie that ${message}` });
  }
}

/** Every string the request carries, named as a problem's field names it. */
export function requestTextProblems(request: FastifyRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  headerProblems(request, problems);
  findTextProblems(request.params, 'params', problems);
  // `querystring`, as Fastify's validation and every route here name the query.
  findTextProblems(request.query, 'querystring', problems);
  findTextProblems(request.body, 'body', problems);
  return problems.filter(
    (p, i) => problems.findIndex((o) => o.field === p.field && o.message === p.message) === i,
  );
}

/**
 * Refuses, before validation, auth and handlers, any request carrying a string PostgreSQL cannot
 * hold. preValidation is the first hook that sees the parsed body; params and query are parsed too.
 */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const problems = requestTextProblems(request);
    if (problems.length === 0) return;
    return sendProblem(reply, 400, problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  });
}
