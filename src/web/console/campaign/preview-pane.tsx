import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { SelectField } from '../components/fields.js';
import { ProblemText } from '../components/problems.js';
import type { CampaignSpec, PreviewResponse, WarningDecision } from '../types.js';

interface Props {
  campaignId: string;
  /** Already cleaned (see cleanSpec): exactly what would be saved. */
  spec: CampaignSpec;
  locale: string;
}

const PREVIEW_URL = '/console/preview.html';
const DEBOUNCE_MS = 300;

type PreviewState = { status: 'idle' | 'loading' | 'ready' } | { status: 'error'; error: unknown };

/** Renders the unsaved spec on the server and shows it in the real element at phone width. */
export function PreviewPane({ campaignId, spec, locale }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef<WarningDecision | null>(null);
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const variants = spec.experiment.variants.map((v) => v.key);
  const [variant, setVariant] = useState(variants[0] ?? '');
  const chosenVariant = variants.includes(variant) ? variant : (variants[0] ?? null);

  const post = (decision: WarningDecision) => {
    frame.current?.contentWindow?.postMessage({ type: 'caveat-preview', decision }, location.origin);
  };

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      setState({ status: 'loading' });
      api
        .post<PreviewResponse>(`/v1/admin/campaigns/${encodeURIComponent(campaignId)}/preview`, {
          spec,
          locale,
          variant: chosenVariant,
          decision: spec.action,
        })
        .then(({ decision }) => {
          if (stale) return;
          latest.current = decision;
          post(decision);
          setState({ status: 'ready' });
        })
        .catch((error: unknown) => {
          if (!stale) setState({ status: 'error', error });
        });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [campaignId, spec, locale, chosenVariant]);

  return (
    <section aria-labelledby="preview-heading" className="preview-pane">
      <h2 id="preview-heading">Preview</h2>
      <p className="hint">
        The warning as a user sees it on a phone, in {locale}
        {chosenVariant && variants.length > 1 ? `, variant ${chosenVariant}` : ''}. It updates as you type.
      </p>
      {variants.length > 1 && (
        <SelectField
          label="Variant"
          value={chosenVariant ?? ''}
          options={variants.map((v) => ({ value: v, label: v }))}
          onChange={setVariant}
        />
      )}
      <div aria-live="polite" className="preview-status">
        {state.status === 'loading' && <p className="hint">Updating the preview…</p>}
        {state.status === 'error' && (
          <div className="alert alert-error">
            <p className="alert-title">The preview could not be rendered:</p>
            <ProblemText error={state.error} />
          </div>
        )}
      </div>
      <iframe
        ref={frame}
        className="preview-frame"
        title="Warning preview at phone width"
        src={PREVIEW_URL}
        width={390}
        height={760}
        // The frame may have loaded after the answer: give it the latest decision again.
        onLoad={() => latest.current && post(latest.current)}
      />
    </section>
  );
}
