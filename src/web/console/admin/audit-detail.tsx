import { compactJson } from '../format.js';

type Detail = Record<string, unknown>;

const isRecord = (value: unknown): value is Detail =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored value in words: lists joined, empty shown as a dash, nested objects as short JSON. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(auditValue).join(', ');
  if (typeof value === 'object') return compactJson(value);
  return String(value);
}

/** Field names as a reader says them: defaultLocale → default locale. */
export function fieldLabel(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/**
 * Values that are tokens (a URL, JSON, an id or hash with no space) may break anywhere to fit a
 * phone's width; words in prose never do (styles.css).
 */
const tokenClass = (value: string) => (/https?:\/\/|^[{[]|\S{28,}/.test(value) ? 'token-text' : undefined);

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields an edit changed, in the order the record names them; a creation lists every field. */
export function changedFields(before: Detail | null, after: Detail): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const was = before ? auditValue(before[key]) : '—';
    const now = auditValue(after[key]);
    return before && was === now ? [] : [{ field: key, before: was, after: now }];
  });
}

/**
 * An audit entry's detail as fields a person reads: an edit's before → after field by field, a
 * creation's fields, or the detail's own fields; never raw JSON.
 */
export function AuditDetail({ detail }: { detail: Detail }) {
  const { before, after } = detail;
  if (isRecord(after) && (before === null || isRecord(before))) {
    const changes = changedFields(before, after);
    if (changes.length === 0) return <p className="audit-detail">No field changed.</p>;
    return (
      <dl className="audit-detail">
        {changes.map((change) => (
          <div key={change.field}>
            <dt>{fieldLabel(change.field)}</dt>
            <dd>
              {before === null ? (
                <span className={tokenClass(change.after)}>{change.after}</span>
              ) : (
                <>
                  <span className="visually-hidden">was </span>
                  <del className={tokenClass(change.before)}>{change.before}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="visually-hidden">, now </span>
                  <ins className={tokenClass(change.after)}>{change.after}</ins>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  const keys = Object.keys(detail);
  if (keys.length === 0) return <span>—</span>;
  return (
    <dl className="audit-detail">
      {keys.map((key) => (
        <div key={key}>
          <dt>{fieldLabel(key)}</dt>
          <dd className={tokenClass(auditValue(detail[key]))}>{auditValue(detail[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
