import { useEffect, useRef, useState } from 'react';
import type { NewApiKey } from '../types.js';

/** The only time the secret is ever visible: say so plainly, and make copying it easy. */
export function NewTokenBox({ apiKey, onDismiss }: { apiKey: NewApiKey; onDismiss(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.token);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy: select the token and copy it by hand.');
    }
  };

  return (
    <div role="status" className="token-box">
      <h2 ref={heading} tabIndex={-1}>
        New API key: {apiKey.name}
      </h2>
      <p>
        <strong>Copy this token now. It will not be shown again.</strong> Store it in your secret manager; if
        it is lost, revoke the key and create a new one.
      </p>
      <p>
        <code className="token">{apiKey.token}</code>
      </p>
      <div className="button-row">
        <button type="button" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="button-quiet" onClick={onDismiss}>
          I have stored it
        </button>
        {copied && <span>{copied}</span>}
      </div>
    </div>
  );
}
