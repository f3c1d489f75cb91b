import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { DataTable } from '../components/data-table.js';
import { LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useDocumentTitle, useResource } from '../hooks.js';
import type { Partner } from '../types.js';
import type { RelayPolicy } from '../../../relay/policy.js';
import '../intelligence/registry.css';

interface PolicyVersion {
  partnerId: string;
  version: number;
  policy: RelayPolicy;
  createdBy: string;
  createdAt: string;
}

/** "user:admin@x" → "admin@x": who published, without the principal's type prefix. */
const actorName = (actor: string) => actor.replace(/^(user|key):/, '');

const deliveryText = (policy: RelayPolicy) =>
  policy.delivery.mode === 'webhook' ? `Webhook to ${policy.delivery.url ?? '—'}` : 'Pull feed';

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : 'None');

/**
 * What each police partner may receive, version by version. Published versions never change (a new
 * one is published through the API), and every alert names the version it was made under.
 */
export function RelayPoliciesPage() {
  useDocumentTitle('Relay policies');
  const { state } = useResource<{ policies: PolicyVersion[] }>('/v1/admin/relay/policies');
  const partners = useResource<{ partners: Partner[] }>('/v1/admin/partners');
  const [params, setParams] = useSearchParams();
  const nameOf = (id: string) =>
    (partners.state.status === 'ready' && partners.state.data.partners.find((p) => p.id === id)?.name) || id;

  const versions = state.status === 'ready' ? state.data.policies : [];
  const partnerIds = [...new Set(versions.map((v) => v.partnerId))];
  const selected = versions.find(
    (v) => v.partnerId === params.get('partner') && String(v.version) === params.get('version'),
  );

  return (
    <>
      <h1>Relay policies</h1>
      <p className="lede">
        Each partner&apos;s data-sharing policy: which warnings and outcomes make an alert, which fields may
        leave, how long the partner keeps them, and how they are delivered.
      </p>
      <LoadStatus state={state} what="relay policies" />
      {state.status === 'ready' && partnerIds.length === 0 && <p>No partner has a relay policy yet.</p>}
      {partnerIds.map((partnerId) => (
        <section key={partnerId} aria-labelledby={`relay-${partnerId}`}>
          <h2 id={`relay-${partnerId}`}>{nameOf(partnerId)}</h2>
          <DataTable
            columns={['Version', 'Published', 'By', 'Delivery', 'Fields']}
            actions
            className="reflow"
          >
            {versions
              .filter((v) => v.partnerId === partnerId)
              .map((v, i) => (
                <tr key={v.version}>
                  <th scope="row" data-label="Version">
                    {v.version}
                    {i === 0 ? ' (in force)' : ''}
                  </th>
                  <td data-label="Published">{formatTime(v.createdAt)}</td>
                  <td data-label="By" className="registry-value">
                    {actorName(v.createdBy)}
                  </td>
                  <td data-label="Delivery" className="registry-value">
                    {deliveryText(v.policy)}
                  </td>
                  <td data-label="Fields">{v.policy.fields.length}</td>
                  <td>
                    <button
                      type="button"
                      className="button-quiet"
                      aria-pressed={selected === v}
                      onClick={() => setParams({ partner: v.partnerId, version: String(v.version) })}
                    >
                      View version {v.version} of {nameOf(partnerId)}
                    </button>
                  </td>
                </tr>
              ))}
          </DataTable>
        </section>
      ))}
      {selected && <VersionDetail version={selected} partnerName={nameOf(selected.partnerId)} />}
    </>
  );
}

function VersionDetail({ version, partnerName }: { version: PolicyVersion; partnerName: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row above: the keyboard user lands on what they asked to see.
  useEffect(() => heading.current?.focus(), [version]);
  const { policy } = version;
  const triggers = policy.triggers;
  return (
    <section aria-labelledby="policy-version-heading" className="panel">
      <h2 id="policy-version-heading" ref={heading} tabIndex={-1}>
        {partnerName}, version {version.version}
      </h2>
      <dl className="policy-facts">
        <dt>Published</dt>
        <dd>
          {formatTime(version.createdAt)} by {actorName(version.createdBy)}
        </dd>
        <dt>Jurisdictions</dt>
        <dd>{list(policy.jurisdictions)}</dd>
        <dt>Alerts on warnings</dt>
        <dd>{list(triggers.decisions)}</dd>
        <dt>Alerts on outcomes</dt>
        <dd>{list(triggers.outcomes)}</dd>
        <dt>Only reported destinations</dt>
        <dd>{triggers.onlyReportedDestinations ? 'Yes' : 'No'}</dd>
        <dt>Referrals of confirmed scam-report clusters</dt>
        <dd>{triggers.referrals ? 'Yes' : 'No'}</dd>
        <dt>Fields that may leave</dt>
        <dd>
          <ul className="policy-fields">
            {policy.fields.map((field) => (
              <li key={field}>
                <code>{field}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Kept by the partner for</dt>
        <dd>{policy.retentionDays} days</dd>
        <dt>Delivery</dt>
        <dd>{deliveryText(policy)}</dd>
        <dt>Allowed hosts</dt>
        <dd>{list(policy.delivery.allowedHosts)}</dd>
        <dt>Deliveries at once</dt>
        <dd>{policy.delivery.maxConcurrency}</dd>
      </dl>
    </section>
  );
}
