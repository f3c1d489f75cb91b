import type { WarningDecision } from './types.js';

/**
 * The console's live preview frame: the real <caveat-warning> element, as served by caveat, shown
 * at phone width. The console posts each freshly rendered decision here.
 */
interface WarningElement extends HTMLElement {
  decision: WarningDecision | null;
  preview: boolean;
}

interface PreviewMessage {
  type: 'caveat-preview';
  decision: WarningDecision;
}

function isPreviewMessage(data: unknown): data is PreviewMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'caveat-preview' &&
    typeof (data as { decision?: unknown }).decision === 'object'
  );
}

// Loaded at run time rather than in preview.html so the bundler leaves caveat's own file alone.
const script = document.createElement('script');
script.type = 'module';
script.src = '/warning/caveat-warning.js';
document.head.append(script);

const element = document.querySelector<WarningElement>('caveat-warning');
const defined = customElements.whenDefined('caveat-warning');

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== location.origin || !isPreviewMessage(event.data) || !element) return;
  const { decision } = event.data;
  const lang = decision.content?.locale;
  if (lang) document.documentElement.lang = lang;
  // A message may arrive before the element's script has run: apply it once the element is defined,
  // so the value goes through Lit's property setter rather than shadowing it.
  void defined.then(() => {
    element.decision = decision;
  });
});

script.addEventListener('error', () => {
  document.body.textContent = 'The warning element (/warning/caveat-warning.js) could not be loaded.';
});
