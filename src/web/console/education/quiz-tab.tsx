import { useState } from 'react';
import { api } from '../api.js';
import { useCampaign } from '../campaign/campaign-page.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';
import { useUser } from '../session.js';
import type { Quiz, QuizQuestion, QuizVersion } from '../../../education/model.js';

const LOCALES = [
  ['en', 'English'],
  ['zh-Hant', '繁體中文'],
  ['zh-Hans', '简体中文'],
  ['pt', 'Português'],
] as const;

/**
 * The jurisdiction's phishing quiz, reviewed like the campaign: generate a draft from what caveat
 * knows now, read every question in every language, the partner approves it as it is, an admin
 * publishes it. The server enforces who may do what; this only hides what a role cannot do.
 */
export function QuizTab() {
  const { campaign } = useCampaign();
  const jurisdiction = campaign.jurisdiction;
  const user = useUser();
  const { state, reload } = useResource<Quiz>(`/v1/admin/quizzes/${encodeURIComponent(jurisdiction)}`);
  const [locale, setLocale] = useState<string>('en');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = async (action: 'draft' | 'approve' | 'publish', message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await api.post(`/v1/admin/quizzes/${encodeURIComponent(jurisdiction)}/${action}`, {});
      setDone(message);
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const missing = state.status === 'error' && state.httpStatus === 404;
  const quiz = state.status === 'ready' ? state.data : null;
  const draft = quiz?.versions.find((v) => v.state === 'draft') ?? null;
  const published = quiz?.versions.filter((v) => v.state === 'published').at(-1) ?? null;
  const canGenerate = user.role === 'admin' || user.role === 'partner_reviewer';
  const canApprove = user.role === 'partner_reviewer' && draft?.reviewState === 'editing';
  const canPublish =
    user.role === 'admin' && draft !== null && (quiz?.partnerId === null || draft.reviewState === 'approved');

  return (
    <section aria-labelledby="quiz-tab-heading">
      <h2 id="quiz-tab-heading">Phishing quiz for {jurisdiction}</h2>
      {!missing && <LoadStatus state={state} what="the quiz" />}
      {missing && <p>There is no quiz for {jurisdiction} yet.</p>}
      {published && (
        <p>
          Live: version {published.version}, published by {published.publishedBy} at{' '}
          {formatTime(published.publishedAt)}, {published.spec.questions.length} questions. People take it at{' '}
          <a href={`/quiz?jurisdiction=${encodeURIComponent(jurisdiction)}`}>/quiz</a>.
        </p>
      )}
      {draft && (
        <p className="review-state">
          Draft version {draft.version}:{' '}
          <strong>
            {draft.reviewState === 'approved' ? `approved by ${draft.reviewedBy}` : 'waiting for review'}
          </strong>
          {quiz?.partnerId && draft.reviewState !== 'approved' && (
            <> · it is published once partner {quiz.partnerId} approves it</>
          )}
        </p>
      )}
      <div className="toolbar">
        {canGenerate && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run('draft', 'A new draft was generated from the current knowledge.')}
          >
            Generate a draft from current knowledge
          </button>
        )}
        {canApprove && (
          <button type="button" disabled={busy} onClick={() => void run('approve', 'The draft is approved.')}>
            Approve the draft as it is
          </button>
        )}
        {canPublish && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run('publish', 'The draft is published.')}
          >
            Publish the draft
          </button>
        )}
      </div>
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
      {(draft ?? published) && (
        <>
          <label htmlFor="quiz-locale">Language</label>{' '}
          <select id="quiz-locale" value={locale} onChange={(event) => setLocale(event.target.value)}>
            {LOCALES.map(([tag, name]) => (
              <option key={tag} value={tag}>
                {name}
              </option>
            ))}
          </select>
          <Questions version={(draft ?? published) as QuizVersion} locale={locale} />
        </>
      )}
    </section>
  );
}

function Questions({ version, locale }: { version: QuizVersion; locale: string }) {
  return (
    <>
      <h3>
        {version.state === 'draft' ? 'Draft' : 'Published'} version {version.version}:{' '}
        {version.spec.questions.length} questions, {version.spec.drawSize} drawn per attempt
        {version.spec.basedOn && (
          <>
            {' '}
            (from campaign {version.spec.basedOn.campaignId} version {version.spec.basedOn.version})
          </>
        )}
      </h3>
      <ol className="quiz-questions" lang={locale}>
        {version.spec.questions.map((question) => (
          <QuestionItem key={question.id} question={question} locale={locale} />
        ))}
      </ol>
    </>
  );
}

function QuestionItem({ question, locale }: { question: QuizQuestion; locale: string }) {
  const text = question.text[locale] ?? question.text.en;
  if (!text) return null;
  return (
    <li>
      <details>
        <summary>
          {text.prompt}{' '}
          <span className="meta">
            ({text.trickLabel}; {question.origin === 'generated' ? 'generated' : 'hand-written'})
          </span>
        </summary>
        {text.body && <blockquote>{text.body}</blockquote>}
        <ul>
          {question.optionIds.map((id) => (
            <li key={id}>
              {text.options[id]}
              {id === question.correct && <strong> — right answer</strong>}
            </li>
          ))}
        </ul>
        <p>{text.explanation}</p>
      </details>
    </li>
  );
}
