import { newClientId } from '../warning/client-id.js';
import { quizChrome, type QuizChrome } from './quiz-strings.js';
import { quizCss } from './quiz-styles.js';

interface Question {
  id: string;
  prompt: string;
  body?: string;
  channel?: string;
  options: { id: string; label: string }[];
}
interface Attempt {
  attemptId: string;
  locale: string;
  title: string;
  questions: Question[];
}
interface Answer {
  questionId: string;
  correct: boolean;
  correctOptionId: string;
  trickLabel: string;
  explanation: string;
  score: { answered: number; correct: number; total: number };
}

type Child = Node | string | false | null | undefined;

/** A tiny element builder: text is always set as text, never parsed as HTML. */
function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

let sheet: CSSStyleSheet | undefined;

/**
 * <caveat-quiz>: a phishing-awareness quiz drawn from caveat's published quiz for a jurisdiction.
 * Attributes: `jurisdiction` (HK), `lang` (en, zh-Hant, zh-Hans, pt, or a regional tag), `endpoint`
 * (caveat's origin when not this page's), and, only when the exchange vouches for a signed-in user,
 * `user-token` (from POST /v1/quiz/invitations) or `event-token` (a decision's, from the warning).
 * Without them the attempt is anonymous. It shows the explanation after each answer and a score,
 * and fires `caveat-quiz-finished` ({attemptId, correct, total}) at the end, `caveat-quiz-error`
 * ({status}; 0 when offline) when no attempt could be started.
 */
export class CaveatQuiz extends HTMLElement {
  private readonly root: ShadowRoot;
  private attempt: Attempt | null = null;
  private index = 0;
  private last: Answer | null = null;
  private chosen: string | null = null;
  private busy = false;
  private score = { correct: 0, total: 0 };

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    // A constructed sheet is not inline style: pages with a strict CSP (style-src 'self') allow it.
    if (
      'adoptedStyleSheets' in this.root &&
      typeof CSSStyleSheet === 'function' &&
      'replaceSync' in CSSStyleSheet.prototype
    ) {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(quizCss);
      this.root.adoptedStyleSheets = [sheet];
    } else {
      this.root.append(h('style', {}, quizCss));
    }
  }

  connectedCallback(): void {
    void this.start();
  }

  private get strings(): QuizChrome {
    return quizChrome(this.attempt?.locale ?? this.getAttribute('lang') ?? navigator.language);
  }

  private api(path: string, body: object): Promise<Response> {
    const endpoint = (this.getAttribute('endpoint') ?? '').replace(/\/+$/, '');
    return fetch(`${endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async start(): Promise<void> {
    this.attempt = null;
    this.index = 0;
    this.last = null;
    this.score = { correct: 0, total: 0 };
    this.render();
    const request: Record<string, string> = { locale: this.getAttribute('lang') ?? navigator.language };
    for (const [attribute, field] of [
      ['jurisdiction', 'jurisdiction'],
      ['user-token', 'userToken'],
      ['event-token', 'eventToken'],
    ] as const) {
      const value = this.getAttribute(attribute);
      if (value) request[field] = value;
    }
    try {
      // An id is never reused: a lost answer to the first try makes the retry a new attempt.
      let response = await this.api('/public/quiz/attempts', { ...request, attemptId: newClientId() });
      if (response.status === 409)
        response = await this.api('/public/quiz/attempts', { ...request, attemptId: newClientId() });
      if (!response.ok) throw new Error(String(response.status));
      this.attempt = (await response.json()) as Attempt;
      this.render('h2');
    } catch (error) {
      this.renderFailure(() => void this.start());
      const status = Number((error as Error).message) || 0;
      this.dispatchEvent(
        new CustomEvent('caveat-quiz-error', { detail: { status }, bubbles: true, composed: true }),
      );
    }
  }

  private async answer(optionId: string): Promise<void> {
    const attempt = this.attempt;
    const question = attempt?.questions[this.index];
    if (!attempt || !question || this.busy || this.last) return;
    this.busy = true;
    this.chosen = optionId;
    try {
      const response = await this.api(`/public/quiz/attempts/${attempt.attemptId}/answers`, {
        questionId: question.id,
        optionId,
      });
      if (!response.ok) throw new Error(String(response.status));
      this.last = (await response.json()) as Answer;
      this.render('h3');
    } catch {
      this.renderFailure(() => void this.answer(optionId));
    } finally {
      this.busy = false;
    }
  }

  private next(): void {
    this.index += 1;
    this.last = null;
    this.chosen = null;
    this.render('h2');
    const attempt = this.attempt;
    if (attempt && this.index >= attempt.questions.length) {
      const score = this.score;
      this.dispatchEvent(
        new CustomEvent('caveat-quiz-finished', {
          detail: { attemptId: attempt.attemptId, ...score },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  /** Renders the current step and moves focus to its heading, so screen readers read it next. */
  private render(focus?: 'h2' | 'h3'): void {
    const s = this.strings;
    const attempt = this.attempt;
    const lang = attempt?.locale ?? this.getAttribute('lang') ?? 'en';
    let content: Child[];
    if (!attempt) {
      content = [h('p', { role: 'status' }, s.loading)];
    } else if (this.index >= attempt.questions.length) {
      content = [
        h('h2', { tabindex: '-1' }, attempt.title),
        h('p', { class: 'score', role: 'status' }, s.score(this.score.correct, this.score.total)),
        h('p', {}, s.scoreNote),
        this.button(s.again, 'primary', () => void this.start()),
      ];
    } else {
      content = this.renderQuestion(attempt, s);
    }
    const section = h(
      'section',
      { class: 'quiz', lang, 'aria-label': attempt?.title ?? s.loading },
      ...content,
    );
    this.root.replaceChildren(...[...this.root.childNodes].filter((n) => n.nodeName === 'STYLE'), section);
    if (focus) this.root.querySelector<HTMLElement>(this.last ? 'h3' : focus)?.focus();
  }

  private renderQuestion(attempt: Attempt, s: QuizChrome): Child[] {
    const question = attempt.questions[this.index] as Question;
    const answer = this.last;
    if (answer) this.score = { correct: answer.score.correct, total: answer.score.total };
    const options = h(
      'ul',
      {},
      ...question.options.map((option) => {
        const right = answer !== null && option.id === answer.correctOptionId;
        const chosen = answer !== null && option.id === this.chosen;
        const classes = [
          'option',
          right ? 'right' : '',
          chosen ? 'chosen' : '',
          chosen && !right ? 'wrong' : '',
        ];
        const button = this.button(option.label, classes.join(' ').trim(), () => void this.answer(option.id));
        if (answer) {
          button.setAttribute('disabled', '');
          const tags = [chosen ? s.yourAnswer : '', right ? s.rightAnswer : ''].filter(Boolean).join(' · ');
          if (tags) button.append(h('span', { class: 'tag' }, ` (${tags})`));
        }
        return h('li', {}, button);
      }),
    );
    const last = this.index + 1 >= attempt.questions.length;
    return [
      h('p', { class: 'progress' }, s.progress(this.index + 1, attempt.questions.length)),
      h('h2', { tabindex: '-1', id: 'q' }, question.prompt),
      question.body &&
        h(
          'blockquote',
          { class: 'message' },
          question.channel && h('span', { class: 'channel' }, question.channel),
          question.body,
        ),
      options,
      answer &&
        h(
          'div',
          { class: `feedback ${answer.correct ? 'ok' : 'bad'}`, role: 'status' },
          h('h3', { tabindex: '-1' }, answer.correct ? s.correct : s.wrong),
          h('p', {}, h('span', { class: 'trick' }, `${s.trick}: `), answer.trickLabel),
          h('p', { class: 'explanation' }, answer.explanation),
          this.button(last ? s.seeScore : s.next, 'primary', () => this.next()),
        ),
    ];
  }

  private renderFailure(retry: () => void): void {
    const s = this.strings;
    this.root.replaceChildren(
      ...[...this.root.childNodes].filter((n) => n.nodeName === 'STYLE'),
      h(
        'section',
        { class: 'quiz', role: 'alert' },
        h('p', {}, s.failed),
        this.button(s.retry, 'primary', retry),
      ),
    );
  }

  private button(label: string, className: string, onClick: () => void): HTMLElement {
    const button = h('button', { type: 'button', class: className }, label);
    button.addEventListener('click', onClick);
    return button;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caveat-quiz': CaveatQuiz;
  }
}
