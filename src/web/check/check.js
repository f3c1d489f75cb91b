/* global document, location, window, navigator, fetch, FormData, URLSearchParams */
// The public "Check before you send" page: a lookup, "Report it" (anonymous), disputes and a
// dispute's status by reference. Plain DOM, no dependencies: it runs under a CSP that allows only
// this origin's scripts, and it never puts server text into HTML (textContent only).
import { CATEGORY_KEYS, FIRST_CONTACT_KEYS, JURISDICTION_KEYS, TEXT, pickLanguage } from './check-strings.js';

const lang = pickLanguage(new URLSearchParams(location.search).get('lang') || navigator.language);
const t = TEXT[lang];
document.documentElement.lang = lang;
document.title = t.title;
for (const node of document.querySelectorAll('[data-t]')) {
  const value = t[node.dataset.t];
  if (typeof value === 'string') node.textContent = value;
}
document.getElementById('languages').setAttribute('aria-label', t.languages);

const $ = (id) => document.getElementById(id);
const MAX_IDENTIFIERS = 20;
const MAX_FILES = 5;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'];
// The jurisdiction a reader of this language most likely reports to; they can change it.
const DEFAULT_JURISDICTION = { 'zh-Hant': 'HK', pt: 'MO' };

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fillSelect(select, entries, placeholder) {
  if (placeholder !== undefined) select.append(element('option', { value: '' }, placeholder));
  for (const [value, label] of entries) select.append(element('option', { value }, label));
}

fillSelect(
  $('r-category'),
  CATEGORY_KEYS.map((key) => [key, t.categories[key]]),
  t.categoryPick,
);
fillSelect(
  $('r-first-contact'),
  FIRST_CONTACT_KEYS.map((key) => [key, t.firstContacts[key]]),
  t.firstContactNone,
);
// ---- Where the reader is: the jurisdictions that exist (GET /public/jurisdictions), so a new one
// appears here without a new page; a national phone number is read in the chosen one's region.

const params = new URLSearchParams(location.search);
let regionNames = null;
try {
  regionNames = new Intl.DisplayNames([lang], { type: 'region' });
} catch {
  // An old browser: the strings' own names, then the jurisdiction's name, are used.
}
const placeName = (jurisdiction) =>
  t.jurisdictions[jurisdiction.code] ?? regionNames?.of(jurisdiction.code) ?? jurisdiction.name;

/** ?jurisdiction=SG, else the region of the reader's language (zh-Hans-SG), else a guess from the language. */
function defaultPlace(codes) {
  const wanted = (params.get('jurisdiction') ?? '').toUpperCase();
  if (codes.includes(wanted)) return wanted;
  for (const tag of [params.get('lang'), ...(navigator.languages ?? [navigator.language])]) {
    try {
      const region = tag ? new Intl.Locale(tag).region : undefined;
      if (region && codes.includes(region)) return region;
    } catch {
      // Not a language tag.
    }
  }
  const guess = DEFAULT_JURISDICTION[lang];
  return guess && codes.includes(guess) ? guess : '';
}

let place = '';
async function loadPlaces() {
  const response = await send('/public/jurisdictions');
  const body = response?.ok ? await jsonOf(response) : {};
  const listed = Array.isArray(body.jurisdictions) ? body.jurisdictions : [];
  const places = listed.length > 0 ? listed : JURISDICTION_KEYS.map((code) => ({ code, name: code }));
  const entries = places.map((j) => [j.code, placeName(j)]);
  $('q-place').replaceChildren();
  fillSelect($('q-place'), entries, t.placeAny);
  $('r-jurisdiction').replaceChildren();
  fillSelect($('r-jurisdiction'), entries, t.categoryPick);
  place = defaultPlace(places.map((j) => j.code));
  $('q-place').value = place;
  $('r-jurisdiction').value = place;
}
const placesLoaded = loadPlaces();
// Switching language keeps where the reader said they are.
function keepPlaceInLanguageLinks() {
  for (const link of document.querySelectorAll('#languages a')) {
    const target = new URLSearchParams({ lang: link.lang });
    if (place) target.set('jurisdiction', place);
    link.setAttribute('href', `?${target.toString()}`);
  }
}
void placesLoaded.then(keepPlaceInLanguageLinks);
$('q-place').addEventListener('change', () => {
  place = $('q-place').value;
  keepPlaceInLanguageLinks();
});

const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
/** "2026-12-08" or an ISO time → a date in the reader's language. */
function formatDate(value) {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

async function jsonOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

async function send(url, init) {
  try {
    return await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    return null;
  }
}

// ---- Views, one at a time, addressed by the URL's hash so Back works -------------------------

function show(view, focus = true) {
  for (const section of document.querySelectorAll('section[data-view]'))
    section.hidden = section.dataset.view !== view;
  if (focus) document.querySelector(`section[data-view="${view}"] h2`)?.focus();
}

let reportDone = false;
let disputeDone = false;

function route(focus = true) {
  const [view, argument] = decodeURIComponent(location.hash.slice(1)).split('=');
  if (view === 'report') show('report', focus);
  else if (view === 'report-done' && reportDone) show('report-done', focus);
  else if (view === 'dispute') show('dispute', focus);
  else if (view === 'dispute-done' && disputeDone) show('dispute-done', focus);
  else if (view === 'status') {
    show('status', focus);
    if (argument) {
      $('s-reference').value = argument;
      void showDisputeStatus(argument);
    }
  } else show('check', focus && location.hash !== '');
}
window.addEventListener('hashchange', () => route());

// ---- Field errors: the API names a field (body/identifiers/0/value), the person reads a sentence
// beside the box it is about.

function clearErrors(form) {
  for (const note of form.querySelectorAll('.field-error')) note.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const control of form.querySelectorAll('[data-described-by]')) {
    const original = control.dataset.describedBy;
    if (original) control.setAttribute('aria-describedby', original);
    else control.removeAttribute('aria-describedby');
    delete control.dataset.describedBy;
  }
}

function markError(control, message) {
  const id = `${control.id}-error`;
  let note = $(id);
  if (!note) {
    note = element('p', { class: 'field-error', id });
    const home =
      control.tagName === 'FIELDSET' ? control : (control.closest('.field') ?? control.parentElement);
    home.append(note);
    if (control.dataset.describedBy === undefined)
      control.dataset.describedBy = control.getAttribute('aria-describedby') ?? '';
    control.setAttribute('aria-describedby', `${control.dataset.describedBy} ${id}`.trim());
  }
  note.textContent = note.textContent ? `${note.textContent} ${message}` : message;
  if (control.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true');
}

/** Shows every problem: beside its field where there is one, else in the form's summary. */
function showProblems(form, summary, title, problems, locate) {
  const loose = [];
  let first = null;
  for (const problem of problems) {
    const [control, message] = locate(problem.field ?? '', problem.message ?? '');
    if (control) {
      markError(control, message);
      first ??= control;
    } else loose.push(message);
  }
  summary.replaceChildren(element('p', {}, title));
  if (loose.length > 0) {
    const list = element('ul');
    for (const message of loose) list.append(element('li', {}, message));
    summary.append(list);
  }
  summary.hidden = false;
  (first ?? summary).focus?.();
  if (!first) summary.scrollIntoView({ block: 'nearest' });
}

function showFailure(summary, message) {
  summary.replaceChildren(element('p', {}, message));
  summary.hidden = false;
  summary.scrollIntoView({ block: 'nearest' });
}

/** A 4xx problem+json as a list of { field, message }, whatever shape the server chose. */
function problemsOf(body) {
  if (Array.isArray(body.errors) && body.errors.length > 0) return body.errors;
  return [{ field: '', message: body.detail ?? body.title ?? '' }];
}

// ---- The lookup ----------------------------------------------------------------------------

const result = $('result');
const resultActions = $('result-actions');
let lastQuery = '';

$('check').addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = $('q').value.trim();
  await placesLoaded;
  const query = new URLSearchParams({ q });
  if (place) query.set('jurisdiction', place);
  const response = await send(`/public/lookup?${query.toString()}`);
  const body = response ? await jsonOf(response) : {};
  let verdict = body.verdict;
  const lines = [];
  if (!response) {
    verdict = 'invalid';
    lines.push(t.offline);
  } else if (response.status === 429) {
    verdict = 'invalid';
    lines.push(t.busy);
  } else if (!response.ok) {
    verdict = 'invalid';
    lines.push(t.invalid(body.errors?.[0]?.message ?? body.detail ?? ''));
  } else {
    const scamType = body.report ? (t.scamTypes[body.report.scamType] ?? body.report.scamType) : '';
    lines.push(t[verdict](body, scamType));
    // Unconfirmed reports are only mentioned, never a verdict: they may be wrong or malicious.
    if (verdict !== 'reported_scam' && body.unverifiedReports > 0)
      lines.push(t.unverified(body.unverifiedReports));
  }
  result.className = `result ${verdict}`;
  result.replaceChildren(...lines.map((line) => element('p', {}, line)));
  lastQuery = response?.ok ? q : '';
  resultActions.hidden = !response?.ok || verdict === 'official';
  $('dispute-this').hidden = verdict !== 'reported_scam' && verdict !== 'suspicious_lookalike';
});

$('report-this').addEventListener('click', () => {
  resetReport(lastQuery);
  location.hash = '#report';
});
$('dispute-this').addEventListener('click', () => {
  $('d-identifier').value = lastQuery;
  location.hash = '#dispute';
});

// ---- Report it ------------------------------------------------------------------------------

const reportForm = $('report');
const identifierRows = $('r-identifier-rows');
let rowSequence = 0;
/** The identifier inputs in the order their values were sent: index N of the API is the Nth. */
let sentIdentifierInputs = [];

function renumberIdentifiers() {
  const rows = [...identifierRows.children];
  rows.forEach((row, i) => {
    row.querySelector('label').textContent = t.identifier(i + 1);
    const remove = row.querySelector('button');
    remove.setAttribute('aria-label', t.removeIdentifier(i + 1));
    remove.hidden = rows.length === 1;
  });
  $('r-add-identifier').disabled = rows.length >= MAX_IDENTIFIERS;
}

function addIdentifier(value = '') {
  rowSequence += 1;
  const id = `r-identifier-${rowSequence}`;
  // One .field per identifier: its label, the box with its remove button, and any error below.
  const row = element('div', { class: 'field identifier' });
  const line = element('div', { class: 'input-row' });
  const input = element('input', { id, autocomplete: 'off', maxlength: '2048', spellcheck: 'false' });
  input.value = value;
  const remove = element('button', { type: 'button', class: 'quiet' }, '✕');
  remove.addEventListener('click', () => {
    row.remove();
    renumberIdentifiers();
    identifierRows.querySelector('input')?.focus();
  });
  line.append(input, remove);
  row.append(element('label', { for: id }), line);
  identifierRows.append(row);
  renumberIdentifiers();
  return input;
}

function resetReport(prefill) {
  reportForm.reset();
  clearErrors(reportForm);
  $('report-summary').hidden = true;
  identifierRows.replaceChildren();
  addIdentifier(prefill);
  $('r-jurisdiction').value = place;
  $('r-contact').hidden = true;
}
resetReport('');

$('r-add-identifier').addEventListener('click', () => addIdentifier().focus());
// Contact fields exist only for someone who agreed to be contacted.
$('r-consent').addEventListener('change', () => {
  $('r-contact').hidden = !$('r-consent').checked;
});

function reportProblemAt(field, message) {
  const path = field.replace(/^body\/?/, '');
  const e = t.errors;
  const item = /^identifiers\/(\d+)(\/.*)?$/.exec(path);
  if (item) return [sentIdentifierInputs[Number(item[1])] ?? $('r-identifiers'), e.identifier(message)];
  if (path.startsWith('identifiers')) return [$('r-identifiers'), e.identifiers];
  if (path.startsWith('transactionHashes')) return [$('r-transactions'), e.transactionHashes(message)];
  const fixed = {
    category: [$('r-category'), e.category],
    description: [$('r-description'), e.description],
    'loss/amount': [$('r-loss-amount'), e.lossAmount],
    'loss/asset': [$('r-loss-asset'), e.lossAsset],
    'loss/date': [$('r-loss-date'), e.lossDate],
    loss: [$('r-loss'), e.loss],
    firstContact: [$('r-first-contact'), e.firstContact],
    jurisdiction: [$('r-jurisdiction'), e.jurisdiction],
    consentToPoliceContact: [$('r-consent'), e.reporterContact],
    reporterContact: [$('r-consent'), e.reporterContact],
    'reporterContact/name': [$('r-contact-name'), e.contactName],
    'reporterContact/email': [$('r-contact-email'), e.contactEmail],
    'reporterContact/phone': [$('r-contact-phone'), e.contactPhone],
    file: [$('r-evidence'), e.file(message)],
  };
  return fixed[path] ?? [null, e.other(message)];
}

/** The form as the API takes it, and what is wrong before asking the server. */
function readReport() {
  const problems = [];
  sentIdentifierInputs = [];
  const identifiers = [];
  for (const input of identifierRows.querySelectorAll('input')) {
    const value = input.value.trim();
    if (!value) continue;
    identifiers.push({ value });
    sentIdentifierInputs.push(input);
  }
  if (identifiers.length === 0) problems.push({ field: 'body/identifiers' });
  const body = {
    jurisdiction: $('r-jurisdiction').value,
    category: $('r-category').value,
    identifiers,
    description: $('r-description').value.trim(),
    consentToPoliceContact: $('r-consent').checked,
    locale: lang,
  };
  if (!body.category) problems.push({ field: 'body/category' });
  if (!body.jurisdiction) problems.push({ field: 'body/jurisdiction' });
  if (!body.description) problems.push({ field: 'body/description' });
  const transactionHashes = $('r-transactions')
    .value.split(/[\s,]+/)
    .filter(Boolean);
  if (transactionHashes.length > 0) body.transactionHashes = transactionHashes;
  const loss = {
    amount: $('r-loss-amount')
      .value.trim()
      .replace(/[\s,](?=\d{3}\b)/g, ''),
    asset: $('r-loss-asset').value.trim().toUpperCase(),
    date: $('r-loss-date').value,
  };
  if (loss.amount || loss.asset || loss.date) {
    for (const part of ['amount', 'asset', 'date'])
      if (!loss[part]) problems.push({ field: `body/loss/${part}` });
    body.loss = loss;
  }
  const firstContact = $('r-first-contact').value;
  if (firstContact) body.firstContact = firstContact;
  if (body.consentToPoliceContact) {
    const contact = {};
    for (const [part, id] of [
      ['name', 'r-contact-name'],
      ['email', 'r-contact-email'],
      ['phone', 'r-contact-phone'],
    ]) {
      const value = $(id).value.trim();
      if (value) contact[part] = value;
    }
    if (Object.keys(contact).length > 0) body.reporterContact = contact;
  }
  const files = [...$('r-evidence').files];
  const fileProblems = files.length > MAX_FILES ? [t.errors.tooManyFiles] : [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) fileProblems.push(t.errors.fileTooBig(file.name));
    else if (!FILE_TYPES.includes(file.type)) fileProblems.push(t.errors.fileType(file.name));
  }
  if (fileProblems.length > 0) problems.push({ field: 'file', local: fileProblems.join(' ') });
  return { body, files, problems };
}

async function uploadEvidence(created, files) {
  let saved = 0;
  const failed = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    const response = await send(`/v1/scam-reports/${encodeURIComponent(created.id)}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.evidenceToken}` },
      body: form,
    });
    if (response?.ok) saved += 1;
    else if (!response) failed.push([file.name, t.offline]);
    else if (response.status === 413) failed.push([file.name, t.errors.fileTooBig(file.name)]);
    else if (response.status === 415) failed.push([file.name, t.errors.fileType(file.name)]);
    else if (response.status === 429) failed.push([file.name, t.busy]);
    else failed.push([file.name, problemsOf(await jsonOf(response))[0].message]);
  }
  return { saved, failed };
}

reportForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const summary = $('report-summary');
  clearErrors(reportForm);
  summary.hidden = true;
  const { body, files, problems } = readReport();
  if (problems.length > 0) {
    showProblems(reportForm, summary, t.notSent, problems, (field, message) => {
      const [control, text] = reportProblemAt(field, message);
      return [control, problems.find((p) => p.field === field)?.local ?? text];
    });
    return;
  }
  const button = $('r-submit');
  button.disabled = true;
  button.textContent = t.sending;
  try {
    const response = await send('/public/scam-reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response) return showFailure(summary, t.offline);
    if (response.status === 429) return showFailure(summary, t.busy);
    if (!response.ok)
      return showProblems(
        reportForm,
        summary,
        t.notSent,
        problemsOf(await jsonOf(response)),
        reportProblemAt,
      );
    const created = await response.json();
    const evidence = await uploadEvidence(created, files);
    $('report-reference').textContent = created.reference;
    $('report-evidence').textContent = evidence.saved > 0 ? t.evidenceSaved(evidence.saved) : '';
    $('report-evidence-failed').replaceChildren(
      ...evidence.failed.map(([name, reason]) => element('li', {}, t.evidenceFailed(name, reason))),
    );
    reportDone = true;
    resetReport('');
    location.hash = '#report-done';
  } finally {
    button.disabled = false;
    button.textContent = t.sendReport;
  }
});

// ---- Disputes -------------------------------------------------------------------------------

const disputeForm = $('dispute');

function disputeProblemAt(field, message) {
  const path = field.replace(/^body\/?/, '');
  const e = t.disputeErrors;
  if (path === 'identifier') return [$('d-identifier'), e.identifier(message)];
  if (path === 'reason') return [$('d-reason'), e.reason];
  if (path === 'contactEmail') return [$('d-email'), e.contactEmail];
  return [null, t.errors.other(message)];
}

disputeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const summary = $('dispute-summary');
  clearErrors(disputeForm);
  summary.hidden = true;
  const body = { identifier: $('d-identifier').value.trim(), reason: $('d-reason').value.trim() };
  const email = $('d-email').value.trim();
  if (email) body.contactEmail = email;
  const missing = [];
  if (!body.identifier) missing.push({ field: 'body/identifier', message: '' });
  if (!body.reason) missing.push({ field: 'body/reason', message: '' });
  if (missing.length > 0) {
    return showProblems(disputeForm, summary, t.disputeNotSent, missing, (field) => {
      const [control, text] = disputeProblemAt(field, '');
      return [control, field === 'body/identifier' ? t.errors.identifiers : text];
    });
  }
  const button = $('d-submit');
  button.disabled = true;
  try {
    const response = await send('/public/disputes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response) return showFailure(summary, t.offline);
    if (response.status === 429) return showFailure(summary, t.busy);
    if (!response.ok)
      return showProblems(
        disputeForm,
        summary,
        t.disputeNotSent,
        problemsOf(await jsonOf(response)),
        disputeProblemAt,
      );
    const created = await response.json();
    $('dispute-reference').textContent = created.reference;
    $('dispute-deadline').textContent = t.disputeDeadline(formatDate(created.deadline));
    $('dispute-status-link').setAttribute('href', `#status=${encodeURIComponent(created.reference)}`);
    disputeDone = true;
    disputeForm.reset();
    location.hash = '#dispute-done';
  } finally {
    button.disabled = false;
  }
});

// ---- A dispute's status ---------------------------------------------------------------------

const statusResult = $('status-result');

async function showDisputeStatus(raw) {
  const reference = raw.trim().toUpperCase();
  const response = await send(`/public/disputes/${encodeURIComponent(reference)}`);
  if (!response) return statusResult.replaceChildren(element('p', {}, t.offline));
  if (response.status === 429) return statusResult.replaceChildren(element('p', {}, t.busy));
  if (!response.ok) return statusResult.replaceChildren(element('p', {}, t.statusNotFound));
  const dispute = await response.json();
  const list = element('dl');
  const add = (term, value) => list.append(element('dt', {}, term), element('dd', {}, value));
  add(t.statusFor, dispute.identifier);
  add(t.statusReference, dispute.reference);
  add(t.statusLabel, t.status[dispute.status] ?? dispute.status);
  if (dispute.decidedAt) add(t.decidedAt, formatDate(dispute.decidedAt));
  else add(t.deadline, formatDate(dispute.deadline));
  if (dispute.publicNote) add(t.publicNote, dispute.publicNote);
  statusResult.replaceChildren(element('h3', {}, t.statusOf(dispute.reference)), list);
}

$('status').addEventListener('submit', (event) => {
  event.preventDefault();
  const reference = $('s-reference').value.trim().toUpperCase();
  const hash = `#status=${encodeURIComponent(reference)}`;
  if (location.hash === hash) void showDisputeStatus(reference);
  else location.hash = hash;
});

route(false);
