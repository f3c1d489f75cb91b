import { html, nothing, type TemplateResult } from 'lit';

/**
 * "Test yourself": caveat's /quiz in a new tab, in the warning's language. The decision's event
 * token rides in the #fragment, which browsers never send to a server, so the attempt is tied to the
 * warned user without the token reaching any log; the quiz page removes it from the address bar.
 */
export function quizLink(
  endpoint: string,
  locale: string,
  eventToken: string | null,
  label: string,
  newTab: string,
): TemplateResult | typeof nothing {
  if (!eventToken) return nothing;
  const href = `${endpoint}/quiz?lang=${encodeURIComponent(locale)}#t=${encodeURIComponent(eventToken)}`;
  return html`<p class="muted">
    <a href=${href} target="_blank" rel="noopener noreferrer"
      >${label}<span class="visually-hidden"> ${newTab}</span></a
    >
  </p>`;
}
