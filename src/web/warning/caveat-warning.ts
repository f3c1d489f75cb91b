import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { sendAnswer } from './answer-sender.js';
import { chromeLocaleFor, chromeStringsFor, type ChromeStrings } from './chrome-strings.js';
import { newClientId } from './client-id.js';
import {
  parseDecisionAttribute,
  shouldShowWarning,
  type LadderStatus,
  type ReactionType,
  type WarningContent,
  type WarningDecision,
} from './decision.js';
import { claimDeliveryFailures, sharedOutbox } from './event-outbox.js';
import { shownFindings } from './findings.js';
import { FINDING_STRINGS, REPORT_CATEGORY_ORDER, type FindingStrings } from './findings-strings.js';
import { trapTab } from './focus-trap.js';
import { quizLink } from './quiz-link.js';
import { LADDER_STRINGS, type LadderStrings } from './ladder-strings.js';
import { sharedReportOutbox, type ReportResult } from './report-outbox.js';
import {
  answeredScams,
  isHoldStep,
  localStep,
  sectionOrder,
  tailoredScams,
  type Answers,
  type LadderStep,
  type Section,
} from './tailoring.js';
import { warningStyles } from './warning-styles.js';

type Resource = WarningContent['resources'][number];
type Contact = WarningContent['contacts'][number];
type Statistic = WarningContent['statistics'][number];
type CommonScam = WarningContent['commonScams'][number];
type Question = NonNullable<WarningContent['questions']>[number];
/** The report form's steps: closed, open, sent to the outbox, then what the API said. */
type ReportStep = 'none' | 'form' | 'sending' | 'sent' | 'queued' | 'failed';

/**
 * <caveat-warning>: shows the warning of a caveat decision over an exchange's withdrawal page and
 * reports what the user did. Give it the decision as the `decision` property (or a JSON `decision`
 * attribute); set `endpoint` when caveat is not on the page's origin. It renders nothing for allow.
 *
 * The destination's findings (reported: count, type, where, when; lookalike: which official site,
 * how) come first, worded in the user's language from the reasons' params. "I think this is a scam —
 * report it" opens a short form in the dialog that posts to /v1/scam-reports with the event token.
 *
 * Events (bubbling, composed): `caveat-cancel` and `caveat-proceed` ({decisionId}) for the host to
 * act on; `caveat-report` ({decisionId, category}) when the user reports the destination;
 * `caveat-error` when a decision attribute is malformed or the API rejects events or a report for good;
 * `caveat-hold` ({decisionId, decision, step, releaseAt}) when an answer to the warning's questions
 * pauses the withdrawal (a cooling-off until releaseAt, or a review by the exchange's staff).
 * `preview` renders the same warning inline, without sending events or taking focus (for the console).
 */
export class CaveatWarning extends LitElement {
  static override styles = warningStyles;

  static override properties = {
    decision: { attribute: false },
    endpoint: { type: String },
    preview: { type: Boolean, reflect: true },
    remaining: { state: true },
    acknowledged: { state: true },
    closed: { state: true },
    liveMessage: { state: true },
    reportStep: { state: true },
    reportReference: { state: true },
    answers: { state: true },
    ladder: { state: true },
  };

  // `declare` keeps class fields from shadowing Lit's reactive accessors (useDefineForClassFields).
  declare decision: WarningDecision | null;
  declare endpoint: string;
  declare preview: boolean;
  declare private remaining: number;
  declare private acknowledged: boolean;
  declare private closed: boolean;
  declare private liveMessage: string;
  declare private reportStep: ReportStep;
  declare private reportReference: string | null;
  declare private answers: Answers;
  /** What the server said after the last answer; null until then (or when it could not be asked). */
  declare private ladder: LadderStatus | null;

  private countdownTimer: ReturnType<typeof setInterval> | null = null;
  private announceTimer: ReturnType<typeof setTimeout> | null = null;
  private releaseFailures: (() => void) | null = null;

  constructor() {
    super();
    this.decision = null;
    this.endpoint = '';
    this.preview = false;
    this.remaining = 0;
    this.acknowledged = false;
    this.closed = false;
    this.liveMessage = '';
    this.reportStep = 'none';
    this.reportReference = null;
    this.answers = {};
    this.ladder = null;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'decision'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'decision') return super.attributeChangedCallback(name, old, value);
    const parsed = parseDecisionAttribute(value);
    if (parsed === 'invalid') {
      this.decision = null;
      this.emit('caveat-error', { kind: 'invalid_decision' });
    } else {
      this.decision = parsed;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('focusin', this.keepFocusInside);
    this.releaseFailures = claimDeliveryFailures((failure) => {
      if (!this.decision || !failure.decisionIds.includes(this.decision.id)) return false;
      this.emit('caveat-error', { kind: 'events_rejected', ...failure });
      return true;
    });
    // Whatever an earlier page left undelivered goes out now.
    if (!this.preview) {
      void sharedOutbox().flush();
      void sharedReportOutbox().flush();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('focusin', this.keepFocusInside);
    this.releaseFailures?.();
    this.stopTimers();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('decision')) {
      this.stopTimers();
      this.closed = false;
      this.acknowledged = false;
      this.liveMessage = '';
      this.reportStep = 'none';
      this.reportReference = null;
      this.answers = {};
      this.ladder = null;
      this.remaining = this.visibleDecision()?.minDisplaySeconds ?? 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('decision') && this.visibleDecision()) this.open();
    // Focus follows the report form: into it when it opens, onto the outcome or back to its button.
    const stepChanged = (changed as Map<PropertyKey, unknown>).has('reportStep');
    if (stepChanged && !changed.has('decision') && !this.preview) {
      const target =
        this.reportStep === 'form'
          ? '#caveat-report-category'
          : this.reportStep === 'none'
            ? '.report-action'
            : '#caveat-report-status';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
  }

  private visibleDecision() {
    return shouldShowWarning(this.decision) && !this.closed ? this.decision : null;
  }

  private open(): void {
    const decision = this.visibleDecision();
    if (!decision) return;
    const endsAt = Date.now() + decision.minDisplaySeconds * 1000;
    const tick = () => {
      this.remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      if (this.remaining === 0) {
        if (this.countdownTimer !== null) clearInterval(this.countdownTimer);
        this.countdownTimer = null;
        if (this.liveMessage) this.announceReadiness();
      }
    };
    tick();
    if (this.remaining > 0) this.countdownTimer = setInterval(tick, 1000);
    // A live region announces changes, not its first content: fill it once the empty one is in place.
    // Announcing only the start and the end, never each second, keeps screen readers usable.
    this.announceTimer = setTimeout(() => {
      const strings = this.strings();
      this.liveMessage = this.remaining > 0 ? strings.breather(this.remaining) : this.readinessMessage();
    }, 150);
    this.report('displayed');
    if (!this.preview) {
      this.renderRoot.querySelector<HTMLButtonElement>('.primary')?.focus();
    }
  }

  private stopTimers(): void {
    if (this.countdownTimer !== null) clearInterval(this.countdownTimer);
    if (this.announceTimer !== null) clearTimeout(this.announceTimer);
    this.countdownTimer = null;
    this.announceTimer = null;
  }

  private readinessMessage(): string {
    const strings = this.strings();
    return this.acknowledged ? strings.ready : strings.readyAfterAcknowledge;
  }

  /** Sighted users see the seconds go down; screen readers hear only the start and the end. */
  private visibleStatus(strings: ChromeStrings): string {
    return this.remaining > 0 ? strings.breather(this.remaining) : this.readinessMessage();
  }

  private announceReadiness(): void {
    this.liveMessage = this.readinessMessage();
  }

  private strings(): ChromeStrings {
    return chromeStringsFor(this.decision?.content?.locale);
  }

  private findingStrings(): FindingStrings {
    return FINDING_STRINGS[chromeLocaleFor(this.decision?.content?.locale)];
  }

  private ladderStrings(): LadderStrings {
    return LADDER_STRINGS[chromeLocaleFor(this.decision?.content?.locale)];
  }

  private questions(): readonly Question[] {
    return this.decision?.content?.questions ?? [];
  }

  /** The server's word after an answer; before that (or offline) the step the content gives. */
  private step(): LadderStep {
    const decision = this.decision;
    const start: LadderStep =
      decision?.step ??
      (decision?.decision === 'hold' ? 'review' : this.questions().length > 0 ? 'questions' : 'warn');
    const local = localStep(start, this.questions(), this.answers);
    return this.ladder?.step ?? local;
  }

  /** Held: the exchange keeps the withdrawal (cooling-off, review, or held from the start). */
  private held(): boolean {
    if (this.ladder) return this.ladder.decision === 'hold';
    return this.decision?.decision === 'hold' || isHoldStep(this.step());
  }

  private unanswered(): boolean {
    return this.questions().some((question) => this.answers[question.id] === undefined);
  }

  /**
   * Records an answer and asks the server where the ladder now stands: an answer pointing to a scam
   * met online may pause the withdrawal. One answer per question; the first one counts.
   */
  private onAnswer(question: Question, answerId: string): void {
    if (this.answers[question.id] !== undefined) return;
    this.answers = { ...this.answers, [question.id]: answerId };
    const decision = this.decision;
    if (this.preview || !decision?.eventToken) return;
    const event = {
      id: newClientId(),
      decisionId: decision.id,
      type: 'answered' as const,
      occurredAt: new Date().toISOString(),
      questionId: question.id,
      answerId,
    };
    void sendAnswer(this.endpoint.replace(/\/+$/, ''), decision.eventToken, event).then((status) => {
      if (status && this.decision?.id === decision.id) {
        this.ladder = status;
        if (status.decision === 'hold') this.emit('caveat-hold', { decisionId: decision.id, ...status });
      }
    });
  }

  private readonly onOpenReport = () => {
    this.reportStep = 'form';
  };

  private readonly onCloseReport = () => {
    this.reportStep = 'none';
  };

  /**
   * Reports the destination: the server takes the address from the decision the token names, so
   * only the category and the user's words are sent. The report goes through its own outbox, so a
   * lost connection delays it rather than losing it.
   */
  private readonly onSubmitReport = (event: SubmitEvent) => {
    event.preventDefault();
    const decision = this.visibleDecision();
    const form = event.target as HTMLFormElement;
    const category = (form.elements.namedItem('category') as HTMLSelectElement | null)?.value ?? '';
    const words = (form.elements.namedItem('description') as HTMLTextAreaElement | null)?.value.trim() ?? '';
    if (!decision || !category) return;
    this.emit('caveat-report', { decisionId: decision.id, category });
    if (this.preview || !decision.eventToken) {
      this.reportStep = 'sent';
      return;
    }
    this.reportStep = 'sending';
    sharedReportOutbox().submit(
      {
        endpoint: this.endpoint.replace(/\/+$/, ''),
        token: decision.eventToken,
        decisionId: decision.id,
        body: {
          idempotencyKey: `warning:${newClientId()}`,
          category,
          // The API needs a description; an empty box still says where the report came from.
          description: words || 'Reported from the warning; no description given.',
          locale: decision.content.locale,
        },
      },
      (result: ReportResult) => {
        if (this.decision?.id !== decision.id) return;
        if (result.kind === 'sent') {
          this.reportReference = result.reference;
          this.reportStep = 'sent';
        } else if (result.kind === 'waiting') {
          this.reportStep = 'queued';
        } else {
          this.reportStep = 'failed';
          this.emit('caveat-error', {
            kind: 'report_rejected',
            status: result.status,
            decisionId: decision.id,
          });
        }
      },
    );
  };

  /** Sends one reaction; once-only kinds are reported once per decision even across reloads. */
  private report(type: ReactionType, resourceId?: string): void {
    const decision = this.decision;
    if (this.preview || !decision?.eventToken) return;
    const event = {
      id: newClientId(),
      decisionId: decision.id,
      type,
      occurredAt: new Date().toISOString(),
      ...(resourceId ? { resourceId } : {}),
    };
    const endpoint = this.endpoint.replace(/\/+$/, '');
    const outbox = sharedOutbox();
    if (type === 'resource_opened') outbox.enqueue(endpoint, decision.eventToken, event);
    else outbox.enqueueOnce(`${decision.id}:${type}`, endpoint, decision.eventToken, event);
  }

  private emit(type: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private close(type: 'cancelled' | 'proceeded'): void {
    const decision = this.visibleDecision();
    if (!decision) return;
    this.report(type);
    this.stopTimers();
    this.closed = true;
    this.emit(type === 'cancelled' ? 'caveat-cancel' : 'caveat-proceed', { decisionId: decision.id });
  }

  private readonly onCancel = () => this.close('cancelled');

  private readonly onProceed = () => {
    if (this.remaining === 0 && this.acknowledged && !this.held() && !this.unanswered())
      this.close('proceeded');
  };

  private readonly onAcknowledge = (event: Event) => {
    this.acknowledged = (event.target as HTMLInputElement).checked;
    if (this.acknowledged) this.report('acknowledged');
    if (this.remaining === 0 && this.liveMessage) this.announceReadiness();
  };

  /**
   * Escape must not silently dismiss a scam warning, and must not let the money go either: it means
   * "get me out of here", which is cancelling the withdrawal.
   */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (this.preview) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close('cancelled');
      return;
    }
    const dialog = this.renderRoot.querySelector('.dialog');
    const root = this.renderRoot as ShadowRoot;
    if (dialog) trapTab(event, dialog, root.activeElement);
  };

  /** Focus that lands on the page behind (a click, assistive tech) is brought back to the warning. */
  private readonly keepFocusInside = (event: FocusEvent) => {
    if (this.preview || !this.visibleDecision()) return;
    if (event.target instanceof Node && this.contains(event.target)) return;
    if (event.target === this) return;
    this.renderRoot.querySelector<HTMLButtonElement>('.primary')?.focus();
  };

  override render(): TemplateResult | typeof nothing {
    const decision = this.visibleDecision();
    if (!decision) return nothing;
    const content = decision.content;
    const strings = this.strings();
    const held = this.held();
    const unanswered = this.unanswered();
    const canProceed = this.remaining === 0 && this.acknowledged && !held && !unanswered;
    const pointedTo = answeredScams(this.questions(), this.answers);
    const order = sectionOrder(decision.presentation?.order, pointedTo.length > 0);
    const emphasis = decision.presentation?.emphasis;
    const ladder = this.ladderStrings();
    const talk = content.contacts.find((contact) => contact.phone);
    const findings = shownFindings(decision.reasons, content.locale);
    const dialog = html`
      <div
        class="dialog"
        role="alertdialog"
        aria-modal=${this.preview ? 'false' : 'true'}
        aria-labelledby="caveat-title"
        aria-describedby=${findings.length > 0 ? 'caveat-findings caveat-body caveat-never-call' : 'caveat-body caveat-never-call'}
        lang=${content.locale}
        @keydown=${this.onKeydown}
      >
        <div class="scroll">
          <p class="kicker">${strings.kicker}</p>
          ${
            findings.length > 0
              ? html`<div id="caveat-findings" class="findings">
                  ${findings.map(
                    (finding) =>
                      html`<div class="finding ${finding.kind}">
                        <p class="finding-headline">${finding.headline}</p>
                        ${
                          finding.details.length > 0
                            ? html`<ul class="finding-details">
                                ${finding.details.map((detail) => html`<li>${detail}</li>`)}
                              </ul>`
                            : nothing
                        }
                      </div>`,
                  )}
                </div>`
              : nothing
          }
          <h2 id="caveat-title">${content.title}</h2>
          ${
            decision.decision === 'hold' && !this.ladder
              ? html`<p class="hold">${strings.holdNotice}</p>`
              : nothing
          }
          <p id="caveat-body" style="white-space: pre-line">${content.body}</p>
          <p id="caveat-never-call" class="never-call">${content.neverCallNotice}</p>
          ${quizLink(this.endpoint.replace(/\/+$/, ''), content.locale, decision.eventToken, strings.testYourself, strings.opensInNewTab)}
          ${this.renderReport()} ${this.renderQuestions()} ${this.renderLadderNotice()}
          ${order.map((section) => this.renderSection(section, content, emphasis === section))}
        </div>
        <div class="actions">
          <label class="ack">
            <input type="checkbox" .checked=${this.acknowledged} @change=${this.onAcknowledge} />
            <span>${content.acknowledgeLabel ?? strings.acknowledge}</span>
          </label>
          <p id="caveat-status" class="status">
            <span aria-hidden="true">${this.visibleStatus(strings)}</span>
            <span class="visually-hidden" aria-live="polite">${this.liveMessage}</span>
          </p>
          ${unanswered && !held ? html`<p class="status answer-first">${ladder.answerFirst}</p>` : nothing}
          <div class="buttons">
            <button type="button" class="primary" @click=${this.onCancel}>
              ${content.cancelLabel ?? strings.cancel}
            </button>
            ${
              talk?.phone
                ? html`<a class="talk" href=${telHref(talk.phone)}>${ladder.talkToUs(talk.name)}</a>`
                : nothing
            }
            <button
              type="button"
              class="secondary"
              ?disabled=${!canProceed}
              aria-describedby="caveat-status"
              @click=${this.onProceed}
            >
              ${held ? ladder.held : this.remaining > 0 ? strings.proceedIn(this.remaining) : strings.proceed}
            </button>
          </div>
        </div>
      </div>
    `;
    return this.preview
      ? html`<div class="inline">${dialog}</div>`
      : html`<div class="backdrop">${dialog}</div>`;
  }

  /** The questions, before the countdown ends; each answer is sent as it is given. */
  private renderQuestions(): TemplateResult | typeof nothing {
    const questions = this.questions();
    if (questions.length === 0) return nothing;
    const strings = this.ladderStrings();
    return html`<section class="questions" aria-labelledby="caveat-questions-title">
      <h3 id="caveat-questions-title">${strings.questionsTitle}</h3>
      <p class="muted">${strings.questionsIntro}</p>
      ${questions.map(
        (question) =>
          html`<fieldset class="question" data-question=${question.id}>
            <legend>${question.prompt}</legend>
            ${question.answers.map(
              (answer) =>
                html`<label class="answer">
                  <input
                    type="radio"
                    name=${`caveat-q-${question.id}`}
                    value=${answer.id}
                    .checked=${this.answers[question.id] === answer.id}
                    ?disabled=${this.answers[question.id] !== undefined && this.answers[question.id] !== answer.id}
                    @change=${() => this.onAnswer(question, answer.id)}
                  />
                  <span>${answer.label}</span>
                </label>`,
            )}
          </fieldset>`,
      )}
    </section>`;
  }

  /** Cooling-off or review: said plainly, with when it ends; cancel and "talk to us" stay first. */
  private renderLadderNotice(): TemplateResult | typeof nothing {
    if (!this.held()) return nothing;
    const step = this.step();
    const strings = this.ladderStrings();
    const releaseAt = this.ladder?.releaseAt ?? this.decision?.releaseAt ?? null;
    const until = releaseAt
      ? new Intl.DateTimeFormat(this.decision?.content?.locale, {
          hour: 'numeric',
          minute: '2-digit',
        }).format(new Date(releaseAt))
      : null;
    const text =
      step === 'cooling_off'
        ? until
          ? strings.coolingOff(until)
          : strings.coolingOffPending
        : step === 'review'
          ? strings.review
          : null;
    if (!text) return nothing;
    return html`<p class="hold ladder-notice" role="status" data-step=${step}>${text}</p>`;
  }

  private renderSection(
    section: Section,
    content: WarningContent,
    emphasis: boolean,
  ): TemplateResult | typeof nothing {
    const strings = this.strings();
    const cls = emphasis ? 'section emphasis' : 'section';
    switch (section) {
      case 'checks': {
        const checks = content.resources.filter((resource) => resource.checkBeforeSend);
        return checks.length > 0
          ? html`<section class=${cls} data-section="checks">
              <h3>${strings.checkBeforeSend}</h3>
              <ul class="check-list">
                ${checks.map((resource) => html`<li class="check">${this.renderResource(resource)}</li>`)}
              </ul>
            </section>`
          : nothing;
      }
      case 'commonScams': {
        const scams = tailoredScams(content.commonScams, answeredScams(this.questions(), this.answers));
        return scams.length > 0
          ? html`<section class=${cls} data-section="commonScams">
              <h3>${strings.commonScams}</h3>
              ${scams.map((scam, index) => this.renderScam(scam, index === 0))}
            </section>`
          : nothing;
      }
      case 'tips':
        return content.tips.length > 0
          ? html`<section class=${cls} data-section="tips">
              <h3>${strings.tips}</h3>
              <ul>
                ${content.tips.map((tip) => html`<li>${tip}</li>`)}
              </ul>
            </section>`
          : nothing;
      case 'resources': {
        const others = content.resources.filter((resource) => !resource.checkBeforeSend);
        return others.length > 0
          ? html`<section class=${cls} data-section="resources">
              <h3>${strings.resources}</h3>
              <ul class="plain-list">
                ${others.map((resource) => html`<li>${this.renderResource(resource)}</li>`)}
              </ul>
            </section>`
          : nothing;
      }
      case 'contacts':
        return content.contacts.length > 0
          ? html`<section class=${cls} data-section="contacts">
              <h3>${strings.contacts}</h3>
              <ul class="plain-list">
                ${content.contacts.map((contact) => html`<li>${this.renderContact(contact)}</li>`)}
              </ul>
            </section>`
          : nothing;
      case 'statistics':
        return content.statistics.length > 0
          ? html`<section class=${cls} data-section="statistics">
              <h3>${strings.statistics}</h3>
              <ul class="plain-list">
                ${content.statistics.map((statistic) => html`<li>${this.renderStatistic(statistic)}</li>`)}
              </ul>
            </section>`
          : nothing;
    }
  }

  private renderReport(): TemplateResult | typeof nothing {
    const decision = this.visibleDecision();
    if (!decision || (!decision.eventToken && !this.preview)) return nothing;
    const strings = this.findingStrings();
    const step = this.reportStep;
    if (step === 'none')
      return html`<button type="button" class="report-action" @click=${this.onOpenReport}>
        ${strings.reportAction}
      </button>`;
    if (step !== 'form') {
      const message =
        step === 'sending'
          ? strings.sending
          : step === 'sent'
            ? strings.sent(this.reportReference)
            : step === 'queued'
              ? strings.queued
              : strings.failed;
      return html`<p id="caveat-report-status" class="report-status" role="status" tabindex="-1">
          ${message}
        </p>
        ${
          step === 'failed'
            ? html`<button type="button" class="report-action" @click=${this.onOpenReport}>
                ${strings.reportAction}
              </button>`
            : nothing
        }`;
    }
    return html`<form class="report" aria-labelledby="caveat-report-title" @submit=${this.onSubmitReport}>
      <h3 id="caveat-report-title">${strings.reportTitle}</h3>
      <p class="muted">${strings.reportIntro}</p>
      <label for="caveat-report-category">${strings.category}</label>
      <select id="caveat-report-category" name="category" required>
        <option value="">${strings.choose}</option>
        ${REPORT_CATEGORY_ORDER.map((code) => html`<option value=${code}>${strings.categories[code]}</option>`)}
      </select>
      <label for="caveat-report-description">${strings.description}</label>
      <textarea id="caveat-report-description" name="description" rows="3" maxlength="4000"></textarea>
      <div class="report-buttons">
        <button type="submit" class="secondary">${strings.send}</button>
        <button type="button" class="report-action" @click=${this.onCloseReport}>${strings.back}</button>
      </div>
    </form>`;
  }

  private renderScam(scam: CommonScam, open: boolean): TemplateResult {
    const strings = this.strings();
    return html`<details ?open=${open} data-scam=${scam.id ?? ''}>
      <summary>${scam.name}</summary>
      <p>${scam.howItWorks}</p>
      ${
        scam.redFlags.length > 0
          ? html`<h4>${strings.redFlags}</h4>
              <ul>
                ${scam.redFlags.map((flag) => html`<li>${flag}</li>`)}
              </ul>`
          : nothing
      }
    </details>`;
  }

  private renderResource(resource: Resource): TemplateResult {
    const strings = this.strings();
    const opened = () => this.report('resource_opened', resource.id);
    const url = safeHttpUrl(resource.url);
    return html`
      ${
        url
          ? html`<a href=${url} target="_blank" rel="noopener noreferrer" @click=${opened} @auxclick=${opened}
              >${resource.name}<span class="visually-hidden"> ${strings.opensInNewTab}</span></a
            >`
          : html`<strong>${resource.name}</strong>`
      }
      ${
        resource.phone
          ? html` · <a href=${telHref(resource.phone)} @click=${opened}>${strings.call(resource.phone)}</a>`
          : nothing
      }
      <div class="muted">${resource.purpose}</div>
    `;
  }

  private renderContact(contact: Contact): TemplateResult {
    const strings = this.strings();
    const url = safeHttpUrl(contact.url);
    return html`<strong>${contact.name}</strong>
      ${contact.phone ? html`<div><a href=${telHref(contact.phone)}>${strings.call(contact.phone)}</a></div>` : nothing}
      ${
        url
          ? html`<div>
              <a href=${url} target="_blank" rel="noopener noreferrer"
                >${url}<span class="visually-hidden"> ${strings.opensInNewTab}</span></a
              >
            </div>`
          : nothing
      }
      ${contact.email ? html`<div><a href="mailto:${contact.email}">${contact.email}</a></div>` : nothing}
      ${contact.hours ? html`<div class="muted">${contact.hours}</div>` : nothing}`;
  }

  private renderStatistic(statistic: Statistic): TemplateResult {
    const strings = this.strings();
    const url = safeHttpUrl(statistic.sourceUrl);
    const source = strings.source(statistic.source, statistic.year);
    return html`<span class="stat-value">${statistic.value}</span> ${statistic.label}
      <div class="muted">
        ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${source}</a>` : source}
      </div>`;
  }
}

/** Lit does not sanitize URLs; the API validates them, but the host page could pass anything. */
function safeHttpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'caveat-warning': CaveatWarning;
  }
}
