import { useState } from 'react';
import { api, errorMessage, path } from '../api.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { DataTable } from '../components/data-table.js';
import { SelectField, TextField } from '../components/fields.js';
import { FormPanel } from '../components/form-panel.js';
import { LoadStatus } from '../components/problems.js';
import { useDocumentTitle, useResource, useSubmit } from '../hooks.js';
import type { Jurisdiction } from '../types.js';
import './registry.css';

export interface OfficialChannelRow {
  brand: string;
  kind: 'domain' | 'email' | 'phone' | 'social_handle';
  key: string;
  display: string;
  distinctive?: boolean;
  /** Whose own channel it is; absent: the exchange's, official everywhere. */
  jurisdiction?: string;
}

const kindLabel: Record<OfficialChannelRow['kind'], string> = {
  domain: 'Website domain',
  email: 'Email sender',
  phone: 'Phone number',
  social_handle: 'Social account',
};

const matchingOptions = [
  { value: '', label: 'Decide from a word list' },
  { value: 'true', label: 'Find the name inside other names' },
  { value: 'false', label: 'Match only the whole name (a common word)' },
];

function matchingLabel(channel: OfficialChannelRow): string {
  if (channel.kind !== 'domain') return '—';
  return matchingOptions.find((o) => o.value === String(channel.distinctive ?? ''))?.label ?? '—';
}

/**
 * A brand's official domains, email senders, phone numbers and social accounts: what /check and
 * the warning answer "official" for, and what lookalikes are measured against.
 */
export function OfficialChannelsPage() {
  useDocumentTitle('Official channels');
  // Per jurisdiction: what a person there can rely on, its own channels and the exchange's.
  const [jurisdictionFilter, setJurisdictionFilter] = useState('');
  const { state, reload } = useResource<{ channels: OfficialChannelRow[] }>(
    jurisdictionFilter
      ? `/v1/admin/official-channels?jurisdiction=${jurisdictionFilter}`
      : '/v1/admin/official-channels',
  );
  const jurisdictions = useResource<{ jurisdictions: Jurisdiction[] }>('/v1/admin/jurisdictions');
  const codes = jurisdictions.state.status === 'ready' ? jurisdictions.state.data.jurisdictions : [];
  const whose = (channel: OfficialChannelRow) => {
    if (!channel.jurisdiction) return "Everywhere (the exchange's)";
    const named = codes.find((j) => j.code === channel.jurisdiction);
    return named ? `${named.name} (${named.code})` : channel.jurisdiction;
  };
  const [brandFilter, setBrandFilter] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const channels = state.status === 'ready' ? state.data.channels : [];
  const brands = [...new Set(channels.map((c) => c.brand))].sort((a, b) => a.localeCompare(b));
  const shown = brands.filter((b) => brandFilter === '' || b === brandFilter);

  const remove = async (channel: OfficialChannelRow) => {
    setRemoveError(null);
    try {
      await api.delete(path`/v1/admin/official-channels/${channel.key}`);
      setStatus(`Removed ${channel.display} from ${channel.brand}.`);
      reload();
    } catch (error) {
      setRemoveError(`${channel.display} was not removed: ${errorMessage(error)}`);
    }
  };

  return (
    <>
      <h1>Official channels</h1>
      <p className="lede">
        The exchange&apos;s own websites, email senders, phone numbers and social accounts, and each
        jurisdiction&apos;s official ones (its police hotline, its scam-check site), by brand. A lookup of one
        of them answers &ldquo;official&rdquo;; names like them are flagged as lookalikes.
      </p>
      <LoadStatus state={state} what="official channels" />
      {removeError && (
        <p role="alert" className="alert alert-error">
          {removeError}
        </p>
      )}
      <p role="status" className="save-state">
        {status}
      </p>
      {codes.length > 0 && (
        <SelectField
          label="Show jurisdiction"
          value={jurisdictionFilter}
          placeholder="All jurisdictions"
          options={codes.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
          onChange={(code) => {
            setJurisdictionFilter(code);
            setBrandFilter('');
          }}
          hint="A jurisdiction's own channels with the exchange's, which are official everywhere."
        />
      )}
      {state.status === 'ready' && brands.length > 1 && (
        <SelectField
          label="Show brand"
          value={brandFilter}
          placeholder="All brands"
          options={brands.map((b) => ({ value: b, label: b }))}
          onChange={setBrandFilter}
        />
      )}
      {state.status === 'ready' && brands.length === 0 && <p>No official channels are registered yet.</p>}
      {shown.map((brand) => (
        <section key={brand} aria-labelledby={`brand-${brands.indexOf(brand)}`}>
          <h2 id={`brand-${brands.indexOf(brand)}`}>{brand}</h2>
          <DataTable
            columns={['Channel', 'Kind', 'Official in', 'Lookalike matching']}
            actions
            className="reflow"
          >
            {channels
              .filter((c) => c.brand === brand)
              .map((c) => (
                <tr key={c.key}>
                  <th scope="row" data-label="Channel" className="registry-value">
                    {c.display}
                  </th>
                  <td data-label="Kind">{kindLabel[c.kind]}</td>
                  <td data-label="Official in">{whose(c)}</td>
                  <td data-label="Lookalike matching">{matchingLabel(c)}</td>
                  <td>
                    <ConfirmButton
                      label={`Remove ${c.display}`}
                      question={`Remove ${c.display}? A lookup will no longer answer it as official.`}
                      confirmLabel="Remove"
                      danger
                      onConfirm={() => remove(c)}
                    />
                  </td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
      <AddChannelForm
        brands={brands}
        jurisdictions={codes}
        onAdded={(added) => {
          setStatus(`Added ${added.display} to ${added.brand}.`);
          reload();
        }}
      />
      <CheckForm jurisdictions={codes} />
    </>
  );
}

interface AddProps {
  brands: string[];
  jurisdictions: Jurisdiction[];
  onAdded(channel: { brand: string; display: string }): void;
}

function AddChannelForm({ brands, jurisdictions, onAdded }: AddProps) {
  const [brand, setBrand] = useState('');
  const [value, setValue] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [distinctive, setDistinctive] = useState('');
  const [otherDomains, setOtherDomains] = useState('');
  const { error, errors, busy, submit } = useSubmit(async () => {
    const domains = otherDomains
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const created = await api.post<{ display: string; domains?: { display: string }[] }>(
      '/v1/admin/official-channels',
      {
        brand: brand.trim(),
        value: value.trim(),
        ...(jurisdiction ? { jurisdiction } : {}),
        ...(distinctive ? { distinctive: distinctive === 'true' } : {}),
        ...(domains.length > 0 ? { domains } : {}),
      },
    );
    const all = [created.display, ...(created.domains ?? []).map((d) => d.display)];
    onAdded({ brand: brand.trim(), display: all.join(', ') });
    setValue('');
    setOtherDomains('');
  });
  return (
    <FormPanel
      headingId="add-channel-heading"
      title="Add an official channel"
      error={error}
      failedTitle="The channel was not added."
      submitLabel="Add channel"
      submitDisabled={busy}
      onSubmit={submit}
    >
      <TextField
        label="Brand"
        required
        value={brand}
        onChange={setBrand}
        maxLength={80}
        hint={
          brands.length > 0
            ? `Existing brands: ${brands.join(', ')}.`
            : 'The name people know, e.g. ScamShield.'
        }
        errors={errors('/brand')}
      />
      <TextField
        label="Domain, email, phone number or social account"
        required
        value={value}
        onChange={setValue}
        maxLength={300}
        hint="e.g. scamshield.gov.sg, support@example.com, 1800-255-0000 (choose its jurisdiction), telegram:@example."
        errors={errors('/value')}
      />
      <SelectField
        label="Jurisdiction"
        value={jurisdiction}
        placeholder="Everywhere (one of the exchange's own)"
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={setJurisdiction}
        hint="Whose official channel this is, e.g. Singapore for its police hotline; a phone number without + is read as this jurisdiction dials it (1799, 1800-255-0000)."
        errors={errors('/jurisdiction')}
      />
      <TextField
        label="The brand's other domains (optional)"
        multiline
        rows={2}
        value={otherDomains}
        onChange={setOtherDomains}
        hint="One per line or separated by commas, e.g. binance.net, binance.cloud: registered with the same brand."
        errors={domainErrors(otherDomains, errors)}
      />
      <SelectField
        label="Lookalike matching (domains)"
        value={distinctive}
        options={matchingOptions}
        onChange={setDistinctive}
        errors={errors('/distinctive')}
      />
    </FormPanel>
  );
}

/** The server names a bad other domain by its place in the list; say which one it was. */
function domainErrors(text: string, errors: (pointer: string) => string[] | undefined): string[] | undefined {
  const domains = text.split(/[\s,]+/).filter((d) => d !== '');
  const messages = domains.flatMap((domain, i) =>
    (errors(`/domains/${i}`) ?? []).map((m) => `${domain}: ${m}`),
  );
  return messages.length > 0 ? messages : undefined;
}

interface LookupAnswer {
  verdict: string;
  official?: { brand: string };
}

const verdictLabel: Record<string, string> = {
  official: 'Official',
  reported_scam: 'Reported as a scam',
  suspicious_lookalike: 'Looks like an official channel but is not one',
  unknown: 'Not an official channel, and no reports found',
};

/** Asks the same lookup /check asks, so an admin sees what the public will be told. */
function CheckForm({ jurisdictions }: { jurisdictions: Jurisdiction[] }) {
  const [q, setQ] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const { error, errors, busy, submit } = useSubmit(async () => {
    setAnswer(null);
    const query = new URLSearchParams({ q: q.trim(), ...(jurisdiction ? { jurisdiction } : {}) });
    const result = await api.get<LookupAnswer>(`/v1/lookup?${query.toString()}`);
    const label = verdictLabel[result.verdict] ?? result.verdict;
    setAnswer(result.official ? `${label} (${result.official.brand})` : label);
  }, '');
  return (
    <FormPanel
      headingId="check-channel-heading"
      title="Check what a lookup answers"
      error={error}
      failedTitle="The lookup did not answer."
      submitLabel="Check"
      submitDisabled={busy}
      onSubmit={submit}
      status={answer ? `Answer: ${answer}` : null}
    >
      <TextField label="Value to check" required value={q} onChange={setQ} errors={errors('/q')} />
      <SelectField
        label="Reader's jurisdiction"
        value={jurisdiction}
        placeholder="None"
        options={jurisdictions.map((j) => ({ value: j.code, label: `${j.name} (${j.code})` }))}
        onChange={setJurisdiction}
        errors={errors('/jurisdiction')}
      />
    </FormPanel>
  );
}
