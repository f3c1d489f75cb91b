/**
 * Phone first: one column, large tap targets (48 px), text at 16 px; colours meet WCAG AA. Every
 * inherited property is set, so the host page's styles cannot make the quiz unreadable.
 */
export const quizCss = `
:host{display:block}
.quiz{box-sizing:border-box;max-width:40rem;margin:0 auto;padding:16px;background:#fff;color:#1b1b1f;
font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;text-align:start;overflow-wrap:anywhere}
.quiz:lang(zh){line-height:1.7;line-break:strict}
.quiz:lang(zh-Hant){font-family:'PingFang TC','Noto Sans CJK TC','Noto Sans TC','Microsoft JhengHei',system-ui,sans-serif}
.quiz:lang(zh-Hans){font-family:'PingFang SC','Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',system-ui,sans-serif}
h2,h3{margin:0 0 8px;line-height:1.3}h2{font-size:1.25rem}h3{font-size:1.1rem}
p{margin:0 0 12px}
.progress{color:#4a4a55;font-size:.9rem;margin-bottom:4px}
.message{margin:0 0 12px;padding:12px;border-radius:12px;background:#eef1f6;border-inline-start:4px solid #5b6b86;white-space:pre-line}
.channel{display:block;font-size:.85rem;font-weight:600;color:#3d4a60;margin-bottom:4px}
ul{list-style:none;margin:0 0 12px;padding:0}
li{margin:0 0 8px}
button{box-sizing:border-box;min-height:48px;width:100%;padding:10px 14px;border-radius:10px;font:inherit;text-align:start;cursor:pointer;
border:2px solid #5b6b86;background:#fff;color:#1b1b1f}
button:focus-visible,h2:focus-visible,h3:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
button[disabled]{cursor:default;opacity:1}
.option.right{border-color:#146c2e;background:#e6f4ea}
.option.chosen.wrong{border-color:#b3261e;background:#fce8e6}
.tag{font-weight:600;font-size:.9rem}
.feedback{margin:12px 0;padding:12px;border-radius:12px;background:#f6f7f9}
.feedback.ok h3{color:#146c2e}.feedback.bad h3{color:#b3261e}
.trick{font-weight:600}
.primary{background:#0b57d0;border-color:#0b57d0;color:#fff;text-align:center;font-weight:600}
.score{font-size:1.5rem;font-weight:700}
`;
