import type { ReactNode } from 'react';
import { Link, useOutletContext } from 'react-router';
import type { DirectoryEntry, DirectoryKind } from '../../../campaigns/directory.js';
import { REF_FIELDS, REF_SECTIONS, type RefSection } from '../../../campaigns/directory-refs.js';
import { SelectField } from '../components/fields.js';
import type { ErrorsAt } from '../components/problems.js';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
import type { CampaignContext } from './campaign-page.js';
import { useReadOnly } from './read-only.js';

/**
 * The directory of the campaign's jurisdiction (the campaign page's outlet gives it); outside a
 * campaign page, or when it cannot be read, there is none and items are typed in.
 */
function useDirectory(): { jurisdiction: string | null; entries: DirectoryEntry[] | null } {
  const context = useOutletContext<CampaignContext | undefined>();
  const jurisdiction = context?.campaign.jurisdiction ?? null;
  const { state } = useResource<{ entries: DirectoryEntry[] }>(
    jurisdiction ? `/v1/admin/jurisdictions/${encodeURIComponent(jurisdiction)}/directory` : null,
  );
  return { jurisdiction, entries: state.status === 'ready' ? state.data.entries : null };
}

/** Where an entry is edited: the Jurisdictions page, that jurisdiction's directory, that entry. */
export function directoryHref(jurisdiction: string, key: string): string {
  return `/jurisdictions?directory=${encodeURIComponent(jurisdiction)}#directory-${encodeURIComponent(key)}`;
}

interface Item {
  ref?: string | undefined;
}

interface Props<T extends Item> {
  section: RefSection;
  item: T;
  update(item: T): void;
  /** The server's messages for this item's fields, relative to the item (e.g. "/ref"). */
  at: ErrorsAt;
  /** The item's own fields, shown when it takes nothing from the directory. */
  children: ReactNode;
}

/**
 * A select of the directory's entries of the item's kind. With one chosen, the item gives only its
 * words and the entry's details are shown read-only, with a link to change them in the directory;
 * with none, the item's own fields (children) are shown, as campaigns before the directory had.
 */
export function DirectoryPicker<T extends Item>({ section, item, update, at, children }: Props<T>) {
  const { t } = useT('directory');
  const readOnly = useReadOnly();
  const { jurisdiction, entries } = useDirectory();
  const kind: DirectoryKind = REF_SECTIONS[section];
  const ofKind = (entries ?? []).filter((entry) => entry.kind === kind);
  const entry = item.ref ? ofKind.find((candidate) => candidate.key === item.ref) : undefined;

  const choose = (key: string) => {
    const next = { ...item } as Record<string, unknown>;
    // One way to say a number: with a ref, the item's own copies of the entry's facts go.
    for (const field of REF_FIELDS[section]) delete next[field];
    if (key) next.ref = key;
    else delete next.ref;
    update(next as unknown as T);
  };

  const options = ofKind.map((candidate) => ({
    value: candidate.key,
    label: `${candidate.label} · ${summary(candidate, t)}`,
  }));
  if (item.ref && !entry) options.unshift({ value: item.ref, label: t('picker.unknown', { key: item.ref }) });

  return (
    <>
      {entries === null && !item.ref ? null : (
        <SelectField
          className="span-all"
          label={t('picker.label')}
          value={item.ref ?? ''}
          onChange={choose}
          placeholder={t('picker.none')}
          options={options}
          hint={readOnly ? undefined : t('picker.hint')}
          errors={at('/ref')}
        />
      )}
      {item.ref ? (
        <div className="span-all directory-facts">
          <p className="hint">{t('picker.shown')}</p>
          <FactList item={item} section={section} entry={entry} />
          {entry && jurisdiction && !readOnly && (
            <p>
              <Link to={directoryHref(jurisdiction, entry.key)}>
                {t('picker.editLink', { label: entry.label })}
              </Link>
            </p>
          )}
        </div>
      ) : (
        children
      )}
    </>
  );
}

type Translate = ReturnType<typeof useT>['t'];

/** A published version shows the values it was published with; a draft shows the directory's. */
function FactList({
  item,
  section,
  entry,
}: {
  item: Item;
  section: RefSection;
  entry: DirectoryEntry | undefined;
}) {
  const { t } = useT('directory');
  const own = item as Record<string, unknown>;
  const published = REF_FIELDS[section].some((field) => own[field] !== undefined);
  const source: Record<string, unknown> = published ? own : ((entry ?? {}) as Record<string, unknown>);
  const rows = REF_FIELDS[section]
    .map((field) => [field, source[field]] as const)
    .filter(([, value]) => value !== undefined && value !== '');
  if (rows.length === 0) return null;
  return (
    <dl className="facts">
      {rows.map(([field, value]) => (
        <div key={field}>
          <dt>{t(`fields.${field}`)}</dt>
          <dd dir="auto">{typeof value === 'boolean' ? (value ? '✓' : '—') : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One line of an entry's details, for the select and the directory table. */
export function summary(entry: DirectoryEntry, t: Translate): string {
  const parts = [entry.phone, entry.url, entry.email, entry.hours, entry.value, entry.year?.toString()];
  if (entry.kind === 'resource' && entry.checkBeforeSend) parts.push(t('checkMark'));
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}
