import { Checkbox, SelectField, TextField } from '../components/fields.js';
import type { CampaignDetail } from '../types.js';

export interface ReportQuery {
  version: string;
  from: string;
  to: string;
  sequential: boolean;
}

export const emptyQuery: ReportQuery = { version: '', from: '', to: '', sequential: false };

/** The same query string serves the JSON, the CSV and the HTML report, so downloads match the screen. */
export function reportQueryString(campaignId: string, query: ReportQuery): string {
  const params = new URLSearchParams({ campaign: campaignId });
  if (query.version) params.set('version', query.version);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.sequential) params.set('sequential', 'true');
  return `?${params.toString()}`;
}

interface Props {
  campaign: CampaignDetail;
  query: ReportQuery;
  onChange(query: ReportQuery): void;
}

export function ReportFilter({ campaign, query, onChange }: Props) {
  const published = campaign.versions.filter((v) => v.state === 'published');
  return (
    <fieldset className="filter-bar">
      <legend>Which decisions</legend>
      <SelectField
        label="Version"
        value={query.version}
        placeholder="All versions"
        options={published.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))}
        onChange={(version) => onChange({ ...query, version })}
      />
      <TextField
        label="From (UTC day)"
        type="date"
        value={query.from}
        onChange={(from) => onChange({ ...query, from })}
      />
      <TextField
        label="To (UTC day)"
        type="date"
        value={query.to}
        onChange={(to) => onChange({ ...query, to })}
      />
      <Checkbox
        label="Always-valid interval (for looking at the results every day)"
        checked={query.sequential}
        onChange={(sequential) => onChange({ ...query, sequential })}
      />
    </fieldset>
  );
}
