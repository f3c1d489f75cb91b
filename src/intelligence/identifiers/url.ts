import { parseHostname } from './domain.js';
import { invalid, type NormalizeResult } from './identifier.js';

/**
 * A URL: scheme and host lowercased, punycoded host, default port, fragment and trailing slash
 * dropped, so that trivially different spellings of one page share a key. Query strings stay: scam
 * kits often route victims by them.
 */
export function normalizeUrl(input: string, field = 'url'): NormalizeResult {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid(field, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalid(field, `unsupported URL scheme ${url.protocol.replace(':', '')}`);
  }
  const host = parseHostname(url.hostname);
  if (!host) return invalid(field, 'the URL has no domain under a known public suffix');
  url.hash = '';
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  const port = url.port ? `:${url.port}` : '';
  const key = `${url.protocol}//${host.ascii}${port}${path}${url.search}`;
  return {
    ok: true,
    kind: 'url',
    key: `url:${key}`,
    display: `${url.protocol}//${host.unicode}${port}${decodeURIComponentSafe(path)}${url.search}`,
    hostname: host.ascii,
    registrableDomain: host.registrable,
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
