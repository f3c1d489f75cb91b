import { css } from 'lit';

/**
 * Phone first: a full-height sheet at 320–414 px with the actions pinned at the bottom, a centred
 * card from 600 px up. Colours are chosen for WCAG AA (all text ≥ 4.5:1 on its background). Every
 * inherited property is set here, so the exchange's page styles cannot make the warning unreadable.
 */
export const warningStyles = css`
  :host {
    display: contents;
  }
  .backdrop {
    position: fixed;
    inset: 0;
    z-index: 2147483000;
    display: flex;
    align-items: stretch;
    justify-content: center;
    background: rgb(16 24 40 / 0.72);
  }
  .dialog {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    width: 100%;
    max-height: 100dvh;
    background: #fff;
    color: #1b1b1f;
    font:
      16px/1.5 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      sans-serif;
    text-align: start;
    overflow-wrap: anywhere;
  }
  .dialog:lang(zh-Hant),
  .dialog:lang(zh-HK),
  .dialog:lang(zh-MO),
  .dialog:lang(zh-TW) {
    font-family:
      'PingFang TC', 'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', system-ui, sans-serif;
  }
  .dialog:lang(zh-Hans),
  .dialog:lang(zh-CN),
  .dialog:lang(zh-SG) {
    font-family: 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', system-ui, sans-serif;
  }
  /* Han characters are taller and denser than Latin: more leading, and strict line breaking. */
  .dialog:lang(zh) {
    line-height: 1.7;
    line-break: strict;
  }
  :host([preview]) .dialog,
  .inline .dialog {
    max-height: none;
  }
  .scroll {
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 20px 16px 8px;
  }
  .kicker {
    display: inline-block;
    margin: 0 0 8px;
    padding: 2px 10px;
    border-radius: 999px;
    background: #fff1d6;
    color: #6b3a00;
    font-size: 0.875rem;
    font-weight: 700;
  }
  h2 {
    margin: 0 0 8px;
    font-size: 1.375rem;
    line-height: 1.3;
  }
  h3 {
    margin: 20px 0 8px;
    font-size: 1.0625rem;
  }
  h4 {
    margin: 8px 0 4px;
    font-size: 1rem;
  }
  p {
    margin: 0 0 8px;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  li + li {
    margin-top: 4px;
  }
  .hold {
    padding: 8px 12px;
    border-radius: 8px;
    background: #eef2ff;
    color: #1e2a78;
  }
  /* The destination's findings lead: the strongest, most specific thing the user can be told. */
  .findings {
    margin: 0 0 12px;
  }
  .finding {
    padding: 10px 12px;
    border-inline-start: 6px solid #b3261e;
    border-radius: 8px;
    background: #fdecea;
    color: #5c1410;
  }
  .finding.lookalike {
    border-color: #8a4b00;
    background: #fff1d6;
    color: #4d2a00;
  }
  .finding + .finding {
    margin-top: 8px;
  }
  .finding-headline {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 700;
  }
  .finding-details {
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9375rem;
  }
  .report-action {
    min-height: 44px;
    width: auto;
    padding: 8px 0;
    border: 0;
    background: none;
    color: #0b57d0;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .report {
    margin: 12px 0;
    padding: 12px;
    border: 1px solid #c9ccd1;
    border-radius: 8px;
  }
  .report h3 {
    margin-top: 0;
  }
  .report label {
    display: block;
    margin: 10px 0 4px;
    font-weight: 700;
  }
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid #5f6368;
    border-radius: 8px;
    background: #fff;
    color: #1b1b1f;
    font: inherit;
  }
  .report-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-top: 12px;
  }
  .report-buttons .secondary {
    width: auto;
  }
  .report-status {
    padding: 8px 12px;
    border-radius: 8px;
    background: #e6f4ea;
    color: #0d3d1f;
  }
  .never-call {
    margin: 12px 0;
    padding: 12px;
    border: 2px solid #b3261e;
    border-radius: 8px;
    background: #fdecea;
    color: #7f1d17;
    font-weight: 700;
  }
  a {
    color: #0b57d0;
    text-decoration-thickness: 1px;
    text-underline-offset: 2px;
  }
  .check-list,
  .plain-list {
    list-style: none;
    padding: 0;
  }
  .check {
    padding: 10px 12px;
    border-inline-start: 4px solid #0b57d0;
    border-radius: 6px;
    background: #eaf1fd;
  }
  .check a {
    font-weight: 700;
    font-size: 1.0625rem;
  }
  .muted {
    color: #4a4f57;
    font-size: 0.9375rem;
  }
  details {
    border: 1px solid #c9ccd1;
    border-radius: 8px;
    padding: 0 12px;
  }
  details + details {
    margin-top: 8px;
  }
  summary {
    cursor: pointer;
    padding: 10px 0;
    font-weight: 700;
  }
  .stat-value {
    font-size: 1.25rem;
    font-weight: 700;
  }
  /* The questions come before the countdown ends: large targets, one answer per question. */
  .questions {
    margin: 12px 0;
    padding: 12px;
    border-radius: 8px;
    background: #f6f8fc;
  }
  .question {
    margin: 10px 0 0;
    padding: 0;
    border: 0;
  }
  .question legend {
    padding: 0;
    font-weight: 700;
  }
  .answer {
    display: flex;
    gap: 10px;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
  }
  .answer input {
    flex: none;
    width: 22px;
    height: 22px;
    margin: 0;
    accent-color: #0b57d0;
  }
  .ladder-notice {
    margin: 12px 0;
    font-weight: 700;
  }
  /* A repeat warning's emphasis: the section it leads with stands out. */
  .emphasis {
    margin: 12px 0;
    padding: 8px 12px;
    border-inline-start: 6px solid #0b57d0;
    background: #f6f8fc;
  }
  .talk {
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 48px;
    width: 100%;
    padding: 10px 16px;
    border: 2px solid #0b57d0;
    border-radius: 10px;
    color: #0b57d0;
    font-weight: 700;
    text-align: center;
    text-decoration: none;
  }
  .actions {
    border-top: 1px solid #c9ccd1;
    padding: 12px 16px calc(12px + env(safe-area-inset-bottom, 0px));
    background: #fff;
  }
  .ack {
    display: flex;
    gap: 10px;
    align-items: flex-start;
    margin-bottom: 10px;
    cursor: pointer;
  }
  .ack input {
    flex: none;
    width: 22px;
    height: 22px;
    margin: 2px 0 0;
    accent-color: #0b57d0;
  }
  .status {
    min-height: 1.5em;
    margin: 0 0 8px;
    color: #4a4f57;
    font-size: 0.9375rem;
  }
  .buttons {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  button {
    box-sizing: border-box;
    min-height: 48px;
    width: 100%;
    padding: 10px 16px;
    border-radius: 10px;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .primary {
    border: 2px solid #0b57d0;
    background: #0b57d0;
    color: #fff;
  }
  .secondary {
    border: 2px solid #5f6368;
    background: #fff;
    color: #1b1b1f;
  }
  .secondary:disabled {
    border-color: #c9ccd1;
    background: #f1f3f4;
    color: #4a4f57;
    cursor: not-allowed;
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  .report-status:focus-visible {
    outline: 3px solid #b45309;
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (min-width: 600px) {
    .backdrop {
      align-items: center;
      padding: 24px;
    }
    .dialog {
      max-width: 560px;
      max-height: calc(100dvh - 48px);
      border-radius: 14px;
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.35);
      overflow: hidden;
    }
    .scroll {
      padding: 24px 24px 8px;
    }
    .actions {
      padding: 12px 24px 16px;
    }
    .buttons {
      flex-direction: row-reverse;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .dialog {
      animation: rise 160ms ease-out;
    }
    @keyframes rise {
      from {
        transform: translateY(12px);
        opacity: 0;
      }
    }
  }
`;
