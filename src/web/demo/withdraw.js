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
for (const name of ['jurisdiction', 'locale']) {
  const value = params.get(name);
  if (value) form.elements[name].value = value;
}

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
