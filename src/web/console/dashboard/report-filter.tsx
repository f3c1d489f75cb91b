import { Checkbox, SelectField, TextField } from '../components/fields.js';
import { useT } from '../i18n/index.js';
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
  const { t } = useT('dashboard');
  const published = campaign.versions.filter((v) => v.state === 'published');
  return (
    <fieldset className="filter-bar">
      <legend>{t('filter.legend')}</legend>
      <SelectField
        label={t('filter.version')}
        value={query.version}
        placeholder={t('filter.allVersions')}
        options={published.map((v) => ({
          value: String(v.version),
          label: t('filter.versionN', { version: v.version }),
        }))}
        onChange={(version) => onChange({ ...query, version })}
      />
      <TextField
        label={t('filter.from')}
        type="date"
        value={query.from}
        onChange={(from) => onChange({ ...query, from })}
      />
      <TextField
        label={t('filter.to')}
        type="date"
        value={query.to}
        onChange={(to) => onChange({ ...query, to })}
      />
      <Checkbox
        label={t('filter.sequential')}
        checked={query.sequential}
        onChange={(sequential) => onChange({ ...query, sequential })}
      />
    </fieldset>
  );
}
