/* global document, location, navigator, fetch, history, URLSearchParams */
// The public /quiz page: pick a jurisdiction (or come from a warning's "test yourself" link, whose
// event token is in the #fragment so it never reaches a server log) and take <caveat-quiz>.
// Plain DOM under a CSP that allows only this origin's scripts; server text is set as text only.

const TEXT = {
  en: {
    title: 'Can you spot a scam?',
    intro:
      'Eight questions built from real scams: fake sites, fake messages, fake accounts and fake calls. Your answers are anonymous.',
    where: 'Where do you live?',
    start: 'Start the quiz',
    check: 'Check an address, site or number',
    languages: 'Language',
  },
  'zh-Hant': {
    title: '你識破騙局嗎？',
    intro: '八條取材自真實騙案的問題：假網站、假訊息、假帳戶和假來電。你的答案是匿名的。',
    where: '你住在哪裏？',
    start: '開始測驗',
    check: '查一查地址、網站或電話',
    languages: '語言',
  },
  'zh-Hans': {
    title: '你能识破骗局吗？',
    intro: '八道取材自真实骗案的题目：假网站、假信息、假账户和假来电。你的答案是匿名的。',
    where: '你住在哪里？',
    start: '开始测验',
    check: '查一查地址、网站或电话',
    languages: '语言',
  },
  pt: {
    title: 'Consegue detetar uma burla?',
    intro:
      'Oito perguntas feitas a partir de burlas reais: sites falsos, mensagens falsas, contas falsas e chamadas falsas. As suas respostas são anónimas.',
    where: 'Onde vive?',
    start: 'Começar o teste',
    check: 'Verificar um endereço, site ou número',
    languages: 'Idioma',
  },
};

function pickLanguage(tag) {
  const lower = String(tag || 'en').toLowerCase();
  if (lower.startsWith('zh')) return /hant|-hk|-tw|-mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
  if (lower.startsWith('pt')) return 'pt';
  return 'en';
}

const params = new URLSearchParams(location.search);
const lang = pickLanguage(params.get('lang') || navigator.language);
const t = TEXT[lang];
document.documentElement.lang = lang;
document.title = t.title;
for (const node of document.querySelectorAll('[data-t]')) node.textContent = t[node.dataset.t];
document.getElementById('languages').setAttribute('aria-label', t.languages);
document.getElementById('check-link').href = `/check?lang=${encodeURIComponent(lang)}`;

const eventToken = new URLSearchParams(location.hash.slice(1)).get('t');
// The token stays out of the address bar, history and any link copied from it.
if (eventToken) history.replaceState(null, '', location.pathname + location.search);

const form = document.getElementById('pick');
const select = document.getElementById('jurisdiction');
const holder = document.getElementById('quiz');
const DEFAULT_JURISDICTION = { 'zh-Hant': 'HK', pt: 'MO', en: 'GB' };

function mount(attributes) {
  const quiz = document.createElement('caveat-quiz');
  quiz.setAttribute('lang', lang);
  for (const [name, value] of Object.entries(attributes)) quiz.setAttribute(name, value);
  holder.replaceChildren(quiz);
}

// A warning's jurisdiction may have no quiz (404): let the reader pick one instead.
holder.addEventListener('caveat-quiz-error', () => {
  form.hidden = false;
});

if (eventToken) {
  form.hidden = true;
  mount({ 'event-token': eventToken });
}
// The picker is filled either way, in case a warning's quiz cannot start.
fetch('/public/quiz')
  .then((response) => (response.ok ? response.json() : { quizzes: [] }))
  .then(({ quizzes }) => {
    for (const quiz of quizzes) {
      const option = document.createElement('option');
      option.value = quiz.jurisdiction;
      option.textContent = quiz.name;
      select.append(option);
    }
    const wanted = params.get('jurisdiction') || DEFAULT_JURISDICTION[lang];
    if (quizzes.some((q) => q.jurisdiction === wanted)) select.value = wanted;
    if (!eventToken && params.get('jurisdiction') && select.value === params.get('jurisdiction'))
      mount({ jurisdiction: select.value });
  });
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (select.value) mount({ jurisdiction: select.value });
});
