import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks.js';
import { useT } from '../i18n/index.js';

export function NotFoundPage() {
  const { t } = useT('account');
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        {t('notFound.body')} <Link to="/campaigns">{t('notFound.link')}</Link>.
      </p>
    </>
  );
}
