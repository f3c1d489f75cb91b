import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import type { NewApiKey } from '../types.js';

/** The only time the secret is ever visible: say so plainly, and make copying it easy. */
export function NewTokenBox({ apiKey, onDismiss }: { apiKey: NewApiKey; onDismiss(): void }) {
  const { t } = useT('admin');
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.token);
      setCopied(t('apiKeys.token.copied'));
    } catch {
      setCopied(t('apiKeys.token.notCopied'));
    }
  };

  return (
    <div role="status" className="token-box">
      <h2 ref={heading} tabIndex={-1}>
        {t('apiKeys.token.heading', { name: apiKey.name })}
      </h2>
      <p>
        <strong>{t('apiKeys.token.warning')}</strong> {t('apiKeys.token.store')}
      </p>
      <p>
        <code className="token">{apiKey.token}</code>
      </p>
      <div className="button-row">
        <button type="button" onClick={copy}>
          {t('apiKeys.token.copy')}
        </button>
        <button type="button" className="button-quiet" onClick={onDismiss}>
          {t('apiKeys.token.stored')}
        </button>
        {copied && <span>{copied}</span>}
      </div>
    </div>
  );
}
