import { useState } from 'react';
import { Checkbox, SelectField } from '../components/fields.js';
import { useT } from '../i18n/index.js';
import { commentPlace, fieldLabel } from './field-labels.js';
import { localeLabel } from './locale-label.js';
import type { RedlinePart, ReviewComment, ReviewDiff } from './review-types.js';
import { FieldComments } from './field-comments.js';
import './review.css';

interface Props {
  campaignId: string;
  diff: ReviewDiff;
  comments: ReviewComment[];
  canComment: boolean;
  onCommentsChanged(): void;
}

/**
 * Each locale of the draft against the live version, field by field, in the form's words:
 * inserted words underlined, deleted ones struck through (marked as such for screen readers too),
 * the comments on a field beside it.
 */
export function RedlineView({ campaignId, diff, comments, canComment, onCommentsChanged }: Props) {
  const { t } = useT('review');
  const [locale, setLocale] = useState(diff.locales[0]?.locale ?? '');
  const [onlyChanged, setOnlyChanged] = useState(diff.liveVersion !== null);
  const current = diff.locales.find((l) => l.locale === locale) ?? diff.locales[0];
  if (!current) return null;
  const fields = current.fields.filter(
    (field) =>
      !onlyChanged ||
      current.isNew ||
      field.change !== 'same' ||
      comments.some((c) => c.locale === current.locale && c.field === field.path),
  );

  return (
    <section aria-labelledby="redline-heading" className="panel" id="review-diff">
      <h2 id="redline-heading">{diff.liveVersion === null ? t('diff.headingNoLive') : t('diff.heading')}</h2>
      <p className="hint">{t('diff.legend')}</p>
      <div className="redline-controls">
        <SelectField
          label={t('diff.locale')}
          value={current.locale}
          options={diff.locales.map((l) => ({ value: l.locale, label: localeLabel(l.locale) }))}
          onChange={setLocale}
        />
        {diff.liveVersion !== null && (
          <Checkbox label={t('diff.onlyChanged')} checked={onlyChanged} onChange={setOnlyChanged} />
        )}
      </div>
      {current.isNew && diff.liveVersion !== null && <p>{t('diff.allNew')}</p>}
      {fields.length === 0 && <p>{t('diff.noChanges')}</p>}
      <ol className="redline-fields" lang={current.locale}>
        {fields.map((field) => {
          const label = fieldLabel(field.segments, t);
          const place = commentPlace(localeLabel(current.locale), label);
          return (
            <li key={field.path} className="redline-field">
              <div>
                <h4 lang={document.documentElement.lang}>
                  {label}{' '}
                  {field.change === 'added' && !current.isNew && (
                    <span className="field-change">({t('diff.addedField')})</span>
                  )}
                  {field.change === 'removed' && (
                    <span className="field-change">({t('diff.removedField')})</span>
                  )}
                </h4>
                <p className="redline-text">
                  <Redline parts={field.parts} plain={current.isNew} />
                </p>
              </div>
              <div lang={document.documentElement.lang}>
                <FieldComments
                  campaignId={campaignId}
                  locale={current.locale}
                  field={field.path}
                  place={place}
                  comments={comments.filter((c) => c.locale === current.locale && c.field === field.path)}
                  canComment={canComment}
                  onChanged={onCommentsChanged}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Redline({ parts, plain }: { parts: RedlinePart[]; plain: boolean }) {
  const { t } = useT('review');
  // A locale that is wholly new reads as text, not as one long insertion.
  if (plain) return <>{parts.map((part) => part.text).join('')}</>;
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'inserted' ? (
          <ins key={i}>
            <span className="visually-hidden">[{t('diff.inserted')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.kind === 'deleted' ? (
          <del key={i}>
            <span className="visually-hidden">[{t('diff.deleted')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
