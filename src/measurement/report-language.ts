import type { OutcomeName } from './outcome-names.js';
import type { PILOT_RULES } from './pilot-number.js';
import type { NoteKey } from './report-notes.js';

/**
 * The words of the HTML pilot report in each language it is written in. The report goes to the
 * police partner, so it speaks the partner's language: Traditional Chinese for Hong Kong, Macau and
 * Taiwan, Portuguese for Macau when asked, English otherwise. Every language gives every key (the
 * type makes a missing one a compile error).
 */
export const REPORT_LANGUAGES = ['en', 'zh-Hant', 'pt'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportWords {
  pilotReport: string;
  /** The heading of one campaign's report. */
  campaignReport: string;
  partner: string;
  campaign: string;
  jurisdiction: string;
  version: string;
  variant: string;
  locale: string;
  asset: string;
  amountUsd: string;
  start: string;
  today: string;
  to: string;
  generated: string;
  /** The report's notes (report-notes.ts), with the figures as placeholders. */
  notes: Record<NoteKey, string>;
  headline: string;
  interventionHeadline: string;
  warnedUsers: string;
  holdoutUsers: string;
  displayed: string;
  timeToDecide: string;
  median: string;
  p90: string;
  whatWarnedUsersDid: string;
  outcome: string;
  users: string;
  share: string;
  outcomes: Record<OutcomeName, string>;
  /** The rollup's names, when the report has no decision-by-decision figures. */
  rollupOutcomes: { cancelled: string; verified: string; proceeded: string; abandoned: string };
  usersCancelled: string;
  usersWentAhead: string;
  usersCheckedFirst: string;
  effectHeading: string;
  outcomeReported: string;
  completedWarned: string;
  completedHoldout: string;
  difference: string;
  relativeDifference: string;
  test: string;
  alwaysValid: string;
  notEstimable: string;
  noData: string;
  points: string;
  tooEarly: string;
  tooEarlyNoComparison: string;
  tooEarlyMore: string;
  tooEarlyRule: string;
  sampleRatio: string;
  observed: string;
  pAssignment: string;
  pReported: string;
  pShareReported: string;
  mismatch: string;
  ok: string;
  noExperimentData: string;
  variants: string;
  warned: string;
  interventionRate: string;
  completion: string;
  variantDifference: string;
  resourcesOpened: string;
  resource: string;
  openedBy: string;
  noneOpened: string;
  perWeek: string;
  weekOf: string;
  holdout: string;
  intervalsNote: string;
  chartIntervention: string;
  chartOutcomes: string;
  chartEffect: string;
  chartWarnedCompletion: string;
  chartHoldoutCompletion: string;
  chartDifference: string;
  chartInterval: string;
  pilotNumber: string;
  pilotHeadline: string;
  perUser: string;
  perWithdrawal: string;
  warnedMoreThanOnce: string;
  wentAheadEveryone: string;
  effectEveryone: string;
  rules: Record<keyof typeof PILOT_RULES, string>;
  bases: string;
  byAnswer: string;
  answersGiven: string;
  noHoldoutByAnswer: string;
  byStep: string;
  whereLadderEnded: string;
  byPresentation: string;
  presentation: string;
  warnings: string;
  didNotWithdrawOrChecked: string;
  wentAhead: string;
  noWarnedUsers: string;
}

const en: ReportWords = {
  pilotReport: 'Pilot report',
  campaignReport: 'Pilot report: {{campaign}}',
  partner: 'with {{partner}}',
  campaign: 'campaign',
  jurisdiction: 'jurisdiction',
  version: 'version',
  variant: 'variant',
  locale: 'language',
  asset: 'asset',
  amountUsd: 'amount {{band}} USD',
  start: 'start',
  today: 'today',
  to: 'to',
  generated: 'Generated',
  notes: {
    no_data: 'No decisions match this filter and date range.',
    no_warned: 'No warned users in this selection.',
    no_holdout: 'No holdout users in this selection: the effect of the warning cannot be estimated.',
    display_low: 'Fewer than 90% of warnings were reported as displayed: check the exchange integration.',
    undisplayed_outcomes:
      '{{count}} warned decisions have an outcome but were never reported as displayed; they are left out of the outcome rates (not of the comparison with the holdout).',
    outside_experiment:
      '{{count}} decisions were outside the experiment (a reported destination held, or the fail-safe warning given while the store could not confirm); they are counted apart and not compared.',
    pooled_shares:
      'This selection pools {{versions}} campaign versions with different holdout shares; the comparison with the holdout can be biased: filter by campaign and version.',
    srm_assignment:
      'Sample ratio mismatch in {{where}}: decisions per arm differ from the configured split (p < {{threshold}}): assignment or recording is broken; do not trust the comparison until it is explained.',
    srm_reported:
      "Sample ratio mismatch in {{where}} among reported outcomes (p < {{threshold}}): one arm's withdrawals go unreported more often than the other's (a broken exchange integration, or warned users leaving without deciding), so the comparison of decided withdrawals is biased until it is explained; see uplift.outcomeReported.",
    outcome_reporting:
      'Outcome reporting differs between the arms in {{where}} (p < {{threshold}}): outcomes were reported for {{warned}} of warned and {{holdout}} of holdout decisions (a broken exchange integration, or warned users leaving without deciding), so the comparison of decided withdrawals is biased until it is explained.',
  },
  headline: 'Headline',
  interventionHeadline: 'Intervention rate (cancelled or checked, of users shown the warning)',
  warnedUsers: 'Warned users',
  holdoutUsers: 'Holdout users',
  displayed: 'Warnings displayed',
  timeToDecide: 'Time to decide',
  median: 'median',
  p90: '90th percentile',
  whatWarnedUsersDid: 'What warned users did',
  outcome: 'What the user did',
  users: 'Users',
  share: 'Share (95% interval)',
  outcomes: {
    cancelled_after_checking: 'Cancelled after checking',
    cancelled_without_checking: 'Cancelled without checking',
    went_ahead_after_checking: 'Went ahead after checking',
    went_ahead_without_checking: 'Went ahead without checking',
    left_without_deciding: 'Left without deciding',
    not_decided_yet: 'Not decided yet',
  },
  rollupOutcomes: {
    cancelled: 'Cancelled without checking',
    verified: 'Checked first, then cancelled or went ahead',
    proceeded: 'Went ahead without checking',
    abandoned: 'Left without deciding',
  },
  usersCancelled: '{{x}} of {{n}} users cancelled',
  usersWentAhead: '{{x}} of {{n}} users went ahead',
  usersCheckedFirst: '{{x}} of {{n}} users checked first',
  effectHeading: 'Effect against the holdout',
  outcomeReported: 'Outcome reported, warned / holdout',
  completedWarned: 'Completed withdrawals, warned',
  completedHoldout: 'Completed withdrawals, holdout',
  difference: 'Difference',
  relativeDifference: 'Relative difference',
  test: 'Two-proportion test',
  alwaysValid: 'Always-valid interval (safe to watch daily)',
  notEstimable: 'not estimable',
  noData: 'no data',
  points: 'points',
  tooEarly: 'Too early to tell',
  tooEarlyNoComparison: 'there is no comparison group in this selection.',
  tooEarlyMore: '{{warned}} more warned and {{holdout}} more comparison users are needed.',
  tooEarlyRule:
    'An effect is shown once each group has at least {{minimum}} users and the power plan is met ({{needWarned}} warned and {{needHoldout}} comparison users to detect a change of {{effect}} points with {{power}}% power).',
  sampleRatio: 'Sample ratio check',
  observed: 'Observed',
  pAssignment: 'p (assignment)',
  pReported: 'p (reported outcomes)',
  pShareReported: 'p (share reported, warned vs holdout)',
  mismatch: 'MISMATCH',
  ok: 'ok',
  noExperimentData: 'No experiment data.',
  variants: 'Variants',
  warned: 'Warned',
  interventionRate: 'Intervention rate',
  completion: 'Completion',
  variantDifference: 'Intervention rate, {{a}} minus {{b}}',
  resourcesOpened: 'Resources opened',
  resource: 'Resource',
  openedBy: 'Opened by',
  noneOpened: 'None opened.',
  perWeek: 'Per week',
  weekOf: 'Week of',
  holdout: 'Holdout',
  intervalsNote:
    'Intervals are 95% Wilson score intervals (rates) and Newcombe hybrid score intervals (differences).',
  chartIntervention: 'Intervention rate per day, with 95% interval',
  chartOutcomes: 'What warned users did',
  chartEffect: 'Effect of the warning on completed withdrawals (95%)',
  chartWarnedCompletion: 'warned completion',
  chartHoldoutCompletion: 'holdout completion',
  chartDifference: 'difference (warned − holdout)',
  chartInterval: '95% interval',
  pilotNumber: "The pilot's number",
  pilotHeadline: 'Warned users who did not withdraw or checked first',
  perUser: 'Per user (first warning in the period)',
  perWithdrawal: 'Per withdrawal',
  warnedMoreThanOnce: 'Users warned more than once',
  wentAheadEveryone: 'Went ahead, counting everyone: warned / holdout',
  effectEveryone: 'Effect counting everyone',
  rules: {
    wentAhead:
      "The exchange's completion event where it sent one; else the user's first cancel or proceed on the warning; else, once nobody decided in time, not withdrawn.",
    checked:
      'Checked: opened a check-before-you-send resource at any time, whatever happened next; a user who checked and then left counts as checked.',
    pending: 'Decisions still open (no outcome yet, no completion event) are left out until they close.',
    perUser: "Denominator per user: each warned user's first warning in the period.",
    perWithdrawal: 'Denominator per withdrawal: every warned decision in the period, displayed or not.',
    uplift:
      "Counting everyone: each user's first decision in the period in either group, compared warned minus holdout.",
  },
  bases:
    "First warnings decided by the exchange's completion event: {{completion}}; by the user's cancel or proceed: {{client}}; left without deciding, counted as not withdrawn: {{abandoned}}; still open, left out: {{pending}}.",
  byAnswer: 'By answer',
  answersGiven: 'Answers given',
  noHoldoutByAnswer: 'The holdout is asked no questions: answers have no holdout comparison.',
  byStep: 'By ladder step',
  whereLadderEnded: 'Where the ladder ended',
  byPresentation: 'By presentation',
  presentation: 'Presentation',
  warnings: 'Warnings',
  didNotWithdrawOrChecked: 'Did not withdraw or checked first',
  wentAhead: 'Went ahead',
  noWarnedUsers: 'No warned users.',
};

const zhHant: ReportWords = {
  pilotReport: '試行報告',
  campaignReport: '試行報告：{{campaign}}',
  partner: '合作夥伴：{{partner}}',
  campaign: '宣傳活動',
  jurisdiction: '司法管轄區',
  version: '版本',
  variant: '變體',
  locale: '語言',
  asset: '資產',
  amountUsd: '金額 {{band}} 美元',
  start: '開始',
  today: '今天',
  to: '至',
  generated: '產生時間',
  notes: {
    no_data: '沒有符合此篩選條件及日期範圍的決定。',
    no_warned: '此選取範圍沒有收到警示的用戶。',
    no_holdout: '此選取範圍沒有對照組用戶：無法估計警示的成效。',
    display_low: '少於 90% 的警示被回報為已顯示：請檢查交易所的整合。',
    undisplayed_outcomes:
      '{{count}} 個警示決定有結果，但從未回報為已顯示；它們不計入結果比率（但計入與對照組的比較）。',
    outside_experiment:
      '{{count}} 個決定不在實驗之內（暫緩了已被舉報的收款方，或在資料庫未能確認時發出的後備警示）；它們分開計算，不作比較。',
    pooled_shares:
      '此選取範圍合併了 {{versions}} 個對照組比例不同的版本；與對照組的比較可能有偏差：請按宣傳活動及版本篩選。',
    srm_assignment:
      '{{where}} 樣本比例不符：各組的決定數目與設定的分配不同（p < {{threshold}}）：分配或記錄出錯；在找出原因前不要相信比較結果。',
    srm_reported:
      '{{where}} 已回報結果的樣本比例不符（p < {{threshold}}）：其中一組的提款較常沒有回報，在找出原因前，已決定提款的比較有偏差。',
    outcome_reporting:
      '{{where}} 兩組的結果回報比例不同（p < {{threshold}}）：警示組有 {{warned}}、對照組有 {{holdout}} 的決定回報了結果，在找出原因前，已決定提款的比較有偏差。',
  },
  headline: '重點數字',
  interventionHeadline: '介入率（看到警示後取消或先查證的用戶）',
  warnedUsers: '收到警示的用戶',
  holdoutUsers: '對照組用戶',
  displayed: '已顯示的警示',
  timeToDecide: '作出決定所需時間',
  median: '中位數',
  p90: '第 90 百分位',
  whatWarnedUsersDid: '收到警示的用戶怎樣做',
  outcome: '用戶的做法',
  users: '用戶',
  share: '比例（95% 區間）',
  outcomes: {
    cancelled_after_checking: '查證後取消',
    cancelled_without_checking: '未查證即取消',
    went_ahead_after_checking: '查證後仍繼續',
    went_ahead_without_checking: '未查證即繼續',
    left_without_deciding: '未作決定便離開',
    not_decided_yet: '尚未作出決定',
  },
  rollupOutcomes: {
    cancelled: '未查證即取消',
    verified: '先查證，然後取消或繼續',
    proceeded: '未查證即繼續',
    abandoned: '未作決定便離開',
  },
  usersCancelled: '{{n}} 名用戶中有 {{x}} 名取消',
  usersWentAhead: '{{n}} 名用戶中有 {{x}} 名繼續提款',
  usersCheckedFirst: '{{n}} 名用戶中有 {{x}} 名先查證',
  effectHeading: '與對照組比較的成效',
  outcomeReported: '已回報結果的比例：警示組 / 對照組',
  completedWarned: '完成提款：警示組',
  completedHoldout: '完成提款：對照組',
  difference: '差異',
  relativeDifference: '相對差異',
  test: '兩比例檢定',
  alwaysValid: '恆有效區間（可每日查看）',
  notEstimable: '無法估計',
  noData: '沒有數據',
  points: '個百分點',
  tooEarly: '現在判斷仍言之過早',
  tooEarlyNoComparison: '此選取範圍沒有對照組。',
  tooEarlyMore: '還需要 {{warned}} 名警示組用戶及 {{holdout}} 名對照組用戶。',
  tooEarlyRule:
    '當每組至少有 {{minimum}} 名用戶，並達到檢定力計劃的樣本（警示組 {{needWarned}} 名、對照組 {{needHoldout}} 名，以 {{power}}% 檢定力偵測 {{effect}} 個百分點的變化）時，才會顯示成效。',
  sampleRatio: '樣本比例檢查',
  observed: '觀察所得',
  pAssignment: 'p（分配）',
  pReported: 'p（已回報的結果）',
  pShareReported: 'p（回報比例，警示組對對照組）',
  mismatch: '不符',
  ok: '正常',
  noExperimentData: '沒有實驗數據。',
  variants: '變體',
  warned: '警示組',
  interventionRate: '介入率',
  completion: '完成率',
  variantDifference: '介入率：{{a}} 減 {{b}}',
  resourcesOpened: '已開啟的資源',
  resource: '資源',
  openedBy: '開啟比例',
  noneOpened: '沒有資源被開啟。',
  perWeek: '每週',
  weekOf: '週（起始日）',
  holdout: '對照組',
  intervalsNote: '區間為 95% Wilson 分數區間（比率）及 Newcombe 混合分數區間（差異）。',
  chartIntervention: '每日介入率及 95% 區間',
  chartOutcomes: '收到警示的用戶怎樣做',
  chartEffect: '警示對完成提款的成效（95%）',
  chartWarnedCompletion: '警示組完成率',
  chartHoldoutCompletion: '對照組完成率',
  chartDifference: '差異（警示組 − 對照組）',
  chartInterval: '95% 區間',
  pilotNumber: '試行指標',
  pilotHeadline: '收到警示後沒有提款或先查證的用戶',
  perUser: '按用戶計（期間內首次警示）',
  perWithdrawal: '按提款計',
  warnedMoreThanOnce: '收到多於一次警示的用戶',
  wentAheadEveryone: '計算所有人後繼續提款的比例：警示組 / 對照組',
  effectEveryone: '計算所有人的成效',
  rules: {
    wentAhead:
      '以交易所發出的完成事件為準；否則以用戶在警示上首次取消或繼續為準；否則在無人及時作出決定後，當作沒有提款。',
    checked: '已查證：曾開啟「發送前查證」資源，不論之後怎樣做；查證後離開的用戶亦算作已查證。',
    pending: '仍未結束的決定（未有結果、未有完成事件）在結束前不計算在內。',
    perUser: '按用戶計的分母：每名收到警示的用戶在期間內的首次警示。',
    perWithdrawal: '按提款計的分母：期間內每個警示決定，不論是否已顯示。',
    uplift: '計算所有人：兩組中每名用戶在期間內的首次決定，以警示組減對照組比較。',
  },
  bases:
    '首次警示中，以交易所完成事件判定：{{completion}}；以用戶取消或繼續判定：{{client}}；未作決定便離開（當作沒有提款）：{{abandoned}}；仍未結束（不計算）：{{pending}}。',
  byAnswer: '按答案',
  answersGiven: '所選答案',
  noHoldoutByAnswer: '對照組不會被問問題，因此答案沒有對照組比較。',
  byStep: '按階段',
  whereLadderEnded: '最後到達的階段',
  byPresentation: '按呈現方式',
  presentation: '呈現方式',
  warnings: '警示',
  didNotWithdrawOrChecked: '沒有提款或先查證',
  wentAhead: '繼續提款',
  noWarnedUsers: '沒有收到警示的用戶。',
};

const pt: ReportWords = {
  pilotReport: 'Relatório do piloto',
  campaignReport: 'Relatório do piloto: {{campaign}}',
  partner: 'com {{partner}}',
  campaign: 'campanha',
  jurisdiction: 'jurisdição',
  version: 'versão',
  variant: 'variante',
  locale: 'língua',
  asset: 'ativo',
  amountUsd: 'montante {{band}} USD',
  start: 'início',
  today: 'hoje',
  to: 'a',
  generated: 'Gerado em',
  notes: {
    no_data: 'Nenhuma decisão corresponde a este filtro e intervalo de datas.',
    no_warned: 'Não há utilizadores avisados nesta seleção.',
    no_holdout:
      'Não há utilizadores do grupo de controlo nesta seleção: o efeito do aviso não pode ser estimado.',
    display_low:
      'Menos de 90% dos avisos foram comunicados como mostrados: verifique a integração da plataforma.',
    undisplayed_outcomes:
      '{{count}} decisões com aviso têm resultado mas nunca foram comunicadas como mostradas; ficam fora das taxas de resultado (não da comparação com o controlo).',
    outside_experiment:
      '{{count}} decisões ficaram fora da experiência (um destino denunciado retido, ou o aviso de recurso dado quando a base de dados não podia confirmar); são contadas à parte e não comparadas.',
    pooled_shares:
      'Esta seleção junta {{versions}} versões com proporções de controlo diferentes; a comparação com o controlo pode estar enviesada: filtre por campanha e versão.',
    srm_assignment:
      'Desvio da proporção da amostra em {{where}}: as decisões por grupo diferem da divisão configurada (p < {{threshold}}): a atribuição ou o registo falham; não confie na comparação até ser explicado.',
    srm_reported:
      'Desvio da proporção da amostra em {{where}} nos resultados comunicados (p < {{threshold}}): os levantamentos de um grupo ficam mais vezes por comunicar, pelo que a comparação está enviesada até ser explicado.',
    outcome_reporting:
      'A comunicação de resultados difere entre os grupos em {{where}} (p < {{threshold}}): resultados comunicados para {{warned}} das decisões avisadas e {{holdout}} das de controlo, pelo que a comparação está enviesada até ser explicado.',
  },
  headline: 'Números principais',
  interventionHeadline: 'Taxa de intervenção (cancelaram ou verificaram, dos utilizadores que viram o aviso)',
  warnedUsers: 'Utilizadores avisados',
  holdoutUsers: 'Utilizadores do grupo de controlo',
  displayed: 'Avisos mostrados',
  timeToDecide: 'Tempo até decidir',
  median: 'mediana',
  p90: 'percentil 90',
  whatWarnedUsersDid: 'O que fizeram os utilizadores avisados',
  outcome: 'O que o utilizador fez',
  users: 'Utilizadores',
  share: 'Proporção (intervalo de 95%)',
  outcomes: {
    cancelled_after_checking: 'Cancelou depois de verificar',
    cancelled_without_checking: 'Cancelou sem verificar',
    went_ahead_after_checking: 'Prosseguiu depois de verificar',
    went_ahead_without_checking: 'Prosseguiu sem verificar',
    left_without_deciding: 'Saiu sem decidir',
    not_decided_yet: 'Ainda não decidiu',
  },
  rollupOutcomes: {
    cancelled: 'Cancelou sem verificar',
    verified: 'Verificou primeiro, depois cancelou ou prosseguiu',
    proceeded: 'Prosseguiu sem verificar',
    abandoned: 'Saiu sem decidir',
  },
  usersCancelled: '{{x}} de {{n}} utilizadores cancelaram',
  usersWentAhead: '{{x}} de {{n}} utilizadores prosseguiram',
  usersCheckedFirst: '{{x}} de {{n}} utilizadores verificaram primeiro',
  effectHeading: 'Efeito face ao grupo de controlo',
  outcomeReported: 'Resultado comunicado, avisados / controlo',
  completedWarned: 'Levantamentos concluídos, avisados',
  completedHoldout: 'Levantamentos concluídos, controlo',
  difference: 'Diferença',
  relativeDifference: 'Diferença relativa',
  test: 'Teste de duas proporções',
  alwaysValid: 'Intervalo sempre válido (pode ser consultado diariamente)',
  notEstimable: 'não estimável',
  noData: 'sem dados',
  points: 'pontos',
  tooEarly: 'Ainda é cedo para concluir',
  tooEarlyNoComparison: 'não há grupo de comparação nesta seleção.',
  tooEarlyMore:
    'São precisos mais {{warned}} utilizadores avisados e mais {{holdout}} do grupo de comparação.',
  tooEarlyRule:
    'Um efeito só é mostrado quando cada grupo tem pelo menos {{minimum}} utilizadores e o plano de potência é cumprido ({{needWarned}} avisados e {{needHoldout}} de comparação para detetar uma mudança de {{effect}} pontos com {{power}}% de potência).',
  sampleRatio: 'Verificação da proporção da amostra',
  observed: 'Observado',
  pAssignment: 'p (atribuição)',
  pReported: 'p (resultados comunicados)',
  pShareReported: 'p (proporção comunicada, avisados vs controlo)',
  mismatch: 'DESVIO',
  ok: 'ok',
  noExperimentData: 'Sem dados da experiência.',
  variants: 'Variantes',
  warned: 'Avisados',
  interventionRate: 'Taxa de intervenção',
  completion: 'Conclusão',
  variantDifference: 'Taxa de intervenção, {{a}} menos {{b}}',
  resourcesOpened: 'Recursos abertos',
  resource: 'Recurso',
  openedBy: 'Aberto por',
  noneOpened: 'Nenhum aberto.',
  perWeek: 'Por semana',
  weekOf: 'Semana de',
  holdout: 'Controlo',
  intervalsNote:
    'Os intervalos são intervalos de Wilson a 95% (taxas) e intervalos híbridos de Newcombe (diferenças).',
  chartIntervention: 'Taxa de intervenção por dia, com intervalo de 95%',
  chartOutcomes: 'O que fizeram os utilizadores avisados',
  chartEffect: 'Efeito do aviso nos levantamentos concluídos (95%)',
  chartWarnedCompletion: 'conclusão, avisados',
  chartHoldoutCompletion: 'conclusão, controlo',
  chartDifference: 'diferença (avisados − controlo)',
  chartInterval: 'intervalo de 95%',
  pilotNumber: 'O número do piloto',
  pilotHeadline: 'Utilizadores avisados que não levantaram ou verificaram primeiro',
  perUser: 'Por utilizador (primeiro aviso no período)',
  perWithdrawal: 'Por levantamento',
  warnedMoreThanOnce: 'Utilizadores avisados mais de uma vez',
  wentAheadEveryone: 'Prosseguiram, contando todos: avisados / controlo',
  effectEveryone: 'Efeito contando todos',
  rules: {
    wentAhead:
      'O evento de conclusão da plataforma, quando o enviou; senão, o primeiro cancelar ou prosseguir do utilizador no aviso; senão, quando ninguém decidiu a tempo, não levantado.',
    checked:
      'Verificou: abriu um recurso de verificação antes de enviar, em qualquer momento; quem verificou e saiu conta como verificado.',
    pending: 'Decisões ainda abertas (sem resultado nem evento de conclusão) ficam de fora até fecharem.',
    perUser: 'Denominador por utilizador: o primeiro aviso de cada utilizador avisado no período.',
    perWithdrawal: 'Denominador por levantamento: cada decisão com aviso no período, mostrada ou não.',
    uplift:
      'Contando todos: a primeira decisão de cada utilizador no período, em cada grupo, avisados menos controlo.',
  },
  bases:
    'Primeiros avisos decididos pelo evento de conclusão da plataforma: {{completion}}; pelo cancelar ou prosseguir do utilizador: {{client}}; saiu sem decidir, contado como não levantado: {{abandoned}}; ainda abertos, de fora: {{pending}}.',
  byAnswer: 'Por resposta',
  answersGiven: 'Respostas dadas',
  noHoldoutByAnswer: 'O grupo de controlo não responde a perguntas: as respostas não têm comparação.',
  byStep: 'Por etapa',
  whereLadderEnded: 'Onde terminou a escada',
  byPresentation: 'Por apresentação',
  presentation: 'Apresentação',
  warnings: 'Avisos',
  didNotWithdrawOrChecked: 'Não levantou ou verificou primeiro',
  wentAhead: 'Prosseguiu',
  noWarnedUsers: 'Sem utilizadores avisados.',
};

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = { en, 'zh-Hant': zhHant, pt };

export function isReportLanguage(value: string): value is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a report is written in: the one asked for, else the jurisdiction's default locale
 * where the report speaks it (zh-Hant-HK → zh-Hant, pt-MO → pt), else English.
 */
export function reportLanguageFor(
  requested: string | undefined,
  defaultLocale: string | undefined,
): ReportLanguage {
  if (requested !== undefined && isReportLanguage(requested)) return requested;
  const tag = (defaultLocale ?? '').toLowerCase();
  if (tag.startsWith('zh') && (/hant|hk|mo|tw/.test(tag) || tag === 'zh')) return 'zh-Hant';
  if (tag === 'pt' || tag.startsWith('pt-')) return 'pt';
  return 'en';
}

/** "{{x}} of {{n}}" filled in; a placeholder without a value stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
