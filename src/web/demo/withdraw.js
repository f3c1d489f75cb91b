// The demo exchange page. A real exchange screens from its backend with its API key; here
// /demo/screenings plays that backend (it exists only under `caveat serve --demo`).
const form = document.getElementById('withdraw');
const status = document.getElementById('status');
const warning = document.querySelector('caveat-warning');
const userRefOut = document.getElementById('user-ref');

const params = new URLSearchParams(location.search);
const newUserRef = () => `demo-${crypto.randomUUID().slice(0, 8)}`;
let userRef = params.get('user') || localStorage.getItem('caveat-demo-user') || newUserRef();
const showUser = () => {
  localStorage.setItem('caveat-demo-user', userRef);
  userRefOut.textContent = userRef;
};
showUser();
// The jurisdictions and locales that exist (GET /public/jurisdictions), so a jurisdiction launched
// from the console can be tried here at once; the page's own list is only the offline fallback.
const jurisdictionSelect = form.elements.jurisdiction;
const localeSelect = form.elements.locale;
let jurisdictions = [];

function option(value, label) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = label;
  return node;
}

/** "zh-Hans-SG" named in its own language: 中文（简体，新加坡）. */
function localeLabel(tag) {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A jurisdiction's locales as a user there would send them (zh-Hant → zh-Hant-HK, en → en-SG). */
function showLocales(code, wanted) {
  const jurisdiction = jurisdictions.find((j) => j.code === code);
  if (!jurisdiction) return;
  const tags = jurisdiction.locales.map((locale) =>
    /-[A-Z]{2}$/.test(locale) ? locale : `${locale}-${code}`,
  );
  const all = [...new Set([...tags, ...(wanted ? [wanted] : [])])];
  localeSelect.replaceChildren(...all.map((tag) => option(tag, `${localeLabel(tag)} — ${tag}`)));
  localeSelect.value = wanted && all.includes(wanted) ? wanted : (tags[0] ?? 'en');
}

const ready = (async () => {
  try {
    const response = await fetch('/public/jurisdictions', { headers: { accept: 'application/json' } });
    if (response.ok) jurisdictions = (await response.json()).jurisdictions ?? [];
  } catch {
    // Offline: the page's own list stays.
  }
  if (jurisdictions.length > 0) {
    jurisdictionSelect.replaceChildren(...jurisdictions.map((j) => option(j.code, `${j.name} (${j.code})`)));
  }
  const wantedJurisdiction = params.get('jurisdiction');
  if (wantedJurisdiction) jurisdictionSelect.value = wantedJurisdiction;
  showLocales(jurisdictionSelect.value, params.get('locale'));
  const wantedLocale = params.get('locale');
  if (wantedLocale && jurisdictions.length === 0) localeSelect.value = wantedLocale;
  document.body.dataset.ready = 'true';
})();
jurisdictionSelect.addEventListener('change', () => showLocales(jurisdictionSelect.value, null));

document.getElementById('new-user').addEventListener('click', () => {
  userRef = newUserRef();
  showUser();
  say('A new demo user: assignment to warning or holdout starts afresh.');
});

function say(text) {
  status.textContent = text;
}

/** For allow (including the holdout), the exchange itself reports what the user did. */
async function reportOutcome(decision, type) {
  if (!decision.eventToken) return;
  await fetch('/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${decision.eventToken}` },
    body: JSON.stringify({
      events: [
        { id: crypto.randomUUID(), decisionId: decision.id, type, occurredAt: new Date().toISOString() },
      ],
    }),
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await ready;
  const data = new FormData(form);
  const amount = String(data.get('amount'));
  say('Checking…');
  const response = await fetch('/demo/screenings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userRef,
      jurisdiction: data.get('jurisdiction'),
      locale: data.get('locale'),
      network: data.get('network'),
      address: String(data.get('address')).trim(),
      amount,
      isNew: data.get('isNew') === 'on',
    }),
  });
  const decision = await response.json();
  if (!response.ok) {
    say(`The withdrawal could not be checked: ${decision.detail ?? response.status}`);
    return;
  }
  document.body.dataset.decision = decision.decision;
  document.body.dataset.decisionId = decision.id;
  if (decision.decision === 'allow') {
    await reportOutcome(decision, 'proceeded');
    say(`Withdrawal of ${amount} USDT submitted (demo: nothing is sent).`);
    return;
  }
  say('');
  warning.decision = decision;
});

// An answer can pause the withdrawal (cooling-off, or a review by staff): the exchange holds it.
document.addEventListener('caveat-hold', (event) => {
  document.body.dataset.decision = 'hold';
  const until = event.detail.releaseAt
    ? ` until ${new Date(event.detail.releaseAt).toLocaleTimeString()}`
    : '';
  say(`Withdrawal paused${until}: the exchange holds it (demo: nothing is sent).`);
});
document.addEventListener('caveat-cancel', () => say('Withdrawal cancelled. Nothing was sent.'));
document.addEventListener('caveat-proceed', () => say('Withdrawal submitted (demo: nothing is sent).'));
