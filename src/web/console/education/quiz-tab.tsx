import { useState } from 'react';
import { api } from '../api.js';
import { useCampaign } from '../campaign/campaign-page.js';
import { ErrorAlert, LoadStatus } from '../components/problems.js';
import { formatTime } from '../format.js';
import { useResource } from '../hooks.js';
import { useT } from '../i18n/index.js';
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
  const { t } = useT('quiz');
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
      <h2 id="quiz-tab-heading">{t('heading', { jurisdiction })}</h2>
      {!missing && <LoadStatus state={state} what={t('loadWhat')} />}
      {missing && <p>{t('none', { jurisdiction })}</p>}
      {published && (
        <p>
          {t('live', {
            version: published.version,
            by: published.publishedBy,
            time: formatTime(published.publishedAt),
            count: published.spec.questions.length,
          })}{' '}
          <a href={`/quiz?jurisdiction=${encodeURIComponent(jurisdiction)}`}>/quiz</a>.
        </p>
      )}
      {draft && (
        <p className="review-state">
          {t('draftVersion', { version: draft.version })}{' '}
          <strong>
            {draft.reviewState === 'approved' ? t('approvedBy', { who: draft.reviewedBy }) : t('waiting')}
          </strong>
          {quiz?.partnerId && draft.reviewState !== 'approved' && (
            <>{t('publishedOnce', { partner: quiz.partnerId })}</>
          )}
        </p>
      )}
      <div className="toolbar">
        {canGenerate && (
          <button type="button" disabled={busy} onClick={() => void run('draft', t('generated'))}>
            {t('generate')}
          </button>
        )}
        {canApprove && (
          <button type="button" disabled={busy} onClick={() => void run('approve', t('approved'))}>
            {t('approve')}
          </button>
        )}
        {canPublish && (
          <button type="button" disabled={busy} onClick={() => void run('publish', t('published'))}>
            {t('publish')}
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
          <label htmlFor="quiz-locale">{t('language')}</label>{' '}
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
  const { t } = useT('quiz');
  const words = {
    version: version.version,
    count: version.spec.questions.length,
    drawn: version.spec.drawSize,
  };
  return (
    <>
      <h3>
        {version.state === 'draft' ? t('versionDraft', words) : t('versionPublished', words)}
        {version.spec.basedOn && (
          <>
            {t('basedOn', {
              campaign: version.spec.basedOn.campaignId,
              version: version.spec.basedOn.version,
            })}
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
  const { t } = useT('quiz');
  const text = question.text[locale] ?? question.text.en;
  if (!text) return null;
  return (
    <li>
      <details>
        <summary>
          {text.prompt}{' '}
          <span className="meta">
            ({text.trickLabel}; {question.origin === 'generated' ? t('generatedOrigin') : t('handWritten')})
          </span>
        </summary>
        {text.body && <blockquote>{text.body}</blockquote>}
        <ul>
          {question.optionIds.map((id) => (
            <li key={id}>
              {text.options[id]}
              {id === question.correct && <strong>{t('rightAnswer')}</strong>}
            </li>
          ))}
        </ul>
        <p>{text.explanation}</p>
      </details>
    </li>
  );
}
