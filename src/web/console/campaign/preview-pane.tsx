import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api.js';
import { SelectField } from '../components/fields.js';
import { ProblemText } from '../components/problems.js';
import { currentLanguage, useT } from '../i18n/index.js';
import type { CampaignSpec, PreviewResponse, WarningDecision } from '../types.js';
import { languageName } from '../validation/describe-problem.js';
import './editor.css';

interface Props {
  campaignId: string;
  /** Already cleaned (see cleanSpec): exactly what would be saved. */
  spec: CampaignSpec;
  locale: string;
  /**
   * The server's verdict on the spec with each answer: null when it rendered, the refusal (field
   * problems) when it did not. The workspace marks the fields from it as the user types.
   */
  onChecked?: (refusal: ApiError | null) => void;
}

const PREVIEW_URL = '/console/preview.html';
const DEBOUNCE_MS = 300;

type PreviewState =
  | { status: 'idle' | 'loading' | 'ready' }
  /** The draft is invalid: the last good preview stays, dimmed, until it is fixed. */
  | { status: 'stale' }
  | { status: 'error'; error: unknown };

/** A refusal of the spec itself (400 schema, 422 rules), as opposed to a failure to ask. */
const isRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 400 || error.status === 422) && error.errors.length > 0;

/** Renders the unsaved spec on the server and shows it in the real element at phone width. */
export function PreviewPane({ campaignId, spec, locale, onChecked }: Props) {
  const { t } = useT('editor');
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef<WarningDecision | null>(null);
  const checked = useRef(onChecked);
  checked.current = onChecked;
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const variants = spec.experiment.variants.map((v) => v.key);
  const [variant, setVariant] = useState(variants[0] ?? '');
  const chosenVariant = variants.includes(variant) ? variant : (variants[0] ?? null);

  const post = (decision: WarningDecision) => {
    frame.current?.contentWindow?.postMessage({ type: 'caveat-preview', decision }, location.origin);
  };

  useEffect(() => {
    let superseded = false;
    const timer = setTimeout(() => {
      // A stale preview stays stale (and dimmed) until an answer says otherwise.
      setState((previous) => (previous.status === 'stale' ? previous : { status: 'loading' }));
      api
        .post<PreviewResponse>(`/v1/admin/campaigns/${encodeURIComponent(campaignId)}/preview`, {
          spec,
          locale,
          variant: chosenVariant,
          decision: spec.action,
        })
        .then(({ decision }) => {
          if (superseded) return;
          latest.current = decision;
          post(decision);
          setState({ status: 'ready' });
          checked.current?.(null);
        })
        .catch((error: unknown) => {
          if (superseded) return;
          if (isRefusal(error)) {
            setState({ status: 'stale' });
            checked.current?.(error);
          } else setState({ status: 'error', error });
        });
    }, DEBOUNCE_MS);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
  }, [campaignId, spec, locale, chosenVariant]);

  const language = languageName(locale, currentLanguage());
  const stale = state.status === 'stale';
  return (
    <section
      aria-labelledby="preview-heading"
      className={`preview-pane${stale ? ' preview-stale' : ''}`}
      data-preview-state={state.status}
    >
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <p className="hint">
        {chosenVariant && variants.length > 1
          ? t('preview.hintVariant', { language, variant: chosenVariant })
          : t('preview.hint', { language })}
      </p>
      {variants.length > 1 && (
        <SelectField
          label={t('preview.variant')}
          value={chosenVariant ?? ''}
          options={variants.map((v) => ({ value: v, label: v }))}
          onChange={setVariant}
        />
      )}
      <div aria-live="polite" className="preview-status">
        {state.status === 'loading' && <p className="hint">{t('preview.updating')}</p>}
        {stale && (
          <div className="preview-stale-notice">
            <p className="alert-title">{t('preview.staleTitle')}</p>
            <p>{t('preview.staleHint')}</p>
          </div>
        )}
        {state.status === 'error' && (
          <div className="alert alert-error">
            <p className="alert-title">{t('preview.failed')}</p>
            <ProblemText error={state.error} />
          </div>
        )}
      </div>
      <iframe
        ref={frame}
        className="preview-frame"
        title={t('preview.frameTitle')}
        src={PREVIEW_URL}
        width={390}
        height={760}
        // The frame may have loaded after the answer: give it the latest decision again.
        onLoad={() => latest.current && post(latest.current)}
      />
    </section>
  );
}
