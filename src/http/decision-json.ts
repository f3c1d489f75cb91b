import type { DecisionResponse } from '../screening/decision.js';

// Rendered contents are shared, frozen objects (see campaigns/render.ts): serialize each once.
const contentJson = new WeakMap<object, string>();

/**
 * The screening answer as JSON, without the schema serializer: the warning's content (most of the
 * bytes) is serialized once per published rendering instead of once per request. Every field of a
 * DecisionResponse is part of the documented response schema, so nothing extra can leave.
 */
export function decisionJson(response: DecisionResponse): string {
  const { content, ...rest } = response;
  const head = JSON.stringify(rest);
  if (!content) return `${head.slice(0, -1)},"content":null}`;
  let body = contentJson.get(content);
  if (body === undefined) {
    body = JSON.stringify(content);
    contentJson.set(content, body);
  }
  return `${head.slice(0, -1)},"content":${body}}`;
}
