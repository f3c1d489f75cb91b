import { useState } from 'react';
import { contentLeaves } from '../../../campaigns/content-diff.js';
import { SelectField } from '../components/fields.js';
import { useT } from '../i18n/index.js';
import type { CampaignSpec } from '../types.js';
import { fieldLabel } from './field-labels.js';
import { localeLabel } from './locale-label.js';
import './review.css';

/** Ids, links to a scam or step, directory refs and flags: the same in every locale, not text to compare. */
const STRUCTURAL = new Set(['id', 'scam', 'step', 'ref', 'checkBeforeSend']);

/** Two locales of the draft next to each other, field by field; stacked on a phone. */
export function SideBySide({ spec }: { spec: CampaignSpec }) {
  const { t } = useT('review');
  const locales = Object.keys(spec.content);
  const [left, setLeft] = useState(locales[0] ?? '');
  const [right, setRight] = useState(locales[1] ?? locales[0] ?? '');
  if (locales.length < 2) return null;
  const leaves = (locale: string) =>
    new Map(
      contentLeaves(spec.content[locale])
        .filter((leaf) => !STRUCTURAL.has(String(leaf.segments.at(-1))))
        .map((leaf) => [leaf.segments.join('/'), leaf]),
    );
  const leftLeaves = leaves(left);
  const rightLeaves = leaves(right);
  const paths = [...new Set([...leftLeaves.keys(), ...rightLeaves.keys()])];
  const options = locales.map((l) => ({ value: l, label: localeLabel(l) }));

  return (
    <section aria-labelledby="sbs-heading" className="panel">
      <h2 id="sbs-heading">{t('sideBySide.heading')}</h2>
      <div className="redline-controls">
        <SelectField label={t('sideBySide.left')} value={left} options={options} onChange={setLeft} />
        <SelectField label={t('sideBySide.right')} value={right} options={options} onChange={setRight} />
      </div>
      {/* A row per field; each text names its language (read aloud, and shown when stacked). */}
      <div className="side-by-side">
        <div className="sbs-row sbs-head" aria-hidden="true">
          <div>{t('sideBySide.field')}</div>
          <div>{localeLabel(left)}</div>
          <div>{localeLabel(right)}</div>
        </div>
        {paths.map((path) => {
          const segments = (leftLeaves.get(path) ?? rightLeaves.get(path))!.segments;
          return (
            <div key={path} className="sbs-row">
              <div className="sbs-label">{fieldLabel(segments, t)}</div>
              <div lang={left}>
                <span className="sbs-lang">{localeLabel(left)}: </span>
                {leftLeaves.get(path)?.value ?? t('sideBySide.missing')}
              </div>
              <div lang={right}>
                <span className="sbs-lang">{localeLabel(right)}: </span>
                {rightLeaves.get(path)?.value ?? t('sideBySide.missing')}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
