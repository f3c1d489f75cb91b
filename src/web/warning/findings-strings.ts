import type { ChromeLocale } from './chrome-strings.js';

/**
 * How the element words a decision's findings (reason code + params) and the report form, per
 * locale. The reason's `message` is English for analysts and is never shown: a zh-Hant user reads
 * these sentences, built from the numbers and codes in the params.
 */
export interface FindingStrings {
  reported: (count: number, scamType: string, places: string) => string;
  lastSeen: (date: string) => string;
  scamTypes: Record<string, string>;
  risk: Record<string, string>;
  sources: Record<string, string>;
  lookalike: (imitates: string, officialDomain: string) => string;
  techniques: Record<string, string>;
  officialIs: (officialDomain: string) => string;
  reportAction: string;
  reportTitle: string;
  reportIntro: string;
  category: string;
  choose: string;
  categories: Record<string, string>;
  description: string;
  send: string;
  back: string;
  sending: string;
  sent: (reference: string | null) => string;
  queued: string;
  failed: string;
}

const en: FindingStrings = {
  reported: (count, scamType, places) =>
    `This address was reported ${count === 1 ? 'once' : `${count} times`} as ${scamType}${places ? ` in ${places}` : ''}.`,
  lastSeen: (date) => `Last reported ${date}`,
  scamTypes: {
    unknown: 'a scam',
    investment: 'an investment scam',
    romance: 'a romance scam',
    impersonation: 'an impersonation scam',
    phishing: 'phishing',
    fake_exchange: 'a fake exchange',
    giveaway: 'a fake giveaway',
    job: 'a job scam',
    tech_support: 'a tech-support scam',
    extortion: 'extortion',
    ransomware: 'ransomware',
    money_mule: 'a money-mule account',
    other: 'a scam',
  },
  risk: { low: 'Low risk', medium: 'Medium risk', high: 'High risk', critical: 'Critical risk' },
  sources: {
    partner: 'Reported by the police partner',
    user_report: 'Reported by users',
    feed: 'From a scam intelligence feed',
    staff: "Flagged by the exchange's security team",
  },
  lookalike: (imitates, domain) => `This looks like ${imitates}, but it is not ${domain}.`,
  techniques: {
    confusable: 'Its name uses characters that look like the real letters.',
    brand_in_name: "It puts the brand's name into another website's address.",
    tld_swap: 'It uses the same name with a different ending.',
    typo: 'Its name is a letter or two off the real one.',
    other: 'Its name is made to look like the real one.',
  },
  officialIs: (domain) => `The official site is ${domain}.`,
  reportAction: 'I think this is a scam — report it',
  reportTitle: 'Report a scam',
  reportIntro:
    "Your report about where this withdrawal goes is checked by the exchange's scam team. It does not send or cancel anything.",
  category: 'What kind of scam is it?',
  choose: 'Choose one',
  categories: {
    investment: 'Investment',
    romance: 'Romance or online dating',
    impersonation_exchange: 'Someone pretending to be the exchange',
    impersonation_police: 'Someone pretending to be the police',
    impersonation_official: 'Someone pretending to be an official',
    phishing_site: 'Fake website (phishing)',
    fake_support: 'Fake customer support',
    job_task: 'Job or online tasks',
    giveaway: 'Giveaway or prize',
    ransomware_extortion: 'Ransomware or extortion',
    other: 'Something else',
  },
  description: 'What happened? (optional)',
  send: 'Send report',
  back: 'Back to the warning',
  sending: 'Sending your report…',
  sent: (reference) =>
    reference
      ? `Thank you. Your report was received (reference ${reference}).`
      : 'Thank you. Your report was received.',
  queued: 'Thank you. Your report will be sent as soon as you are back online.',
  failed: 'Sorry, your report could not be sent.',
};

const zhHant: FindingStrings = {
  reported: (count, scamType, places) =>
    `此地址曾被舉報 ${count} 次，涉嫌${scamType}${places ? `（${places}）` : ''}。`,
  lastSeen: (date) => `最近一次舉報：${date}`,
  scamTypes: {
    unknown: '詐騙',
    investment: '投資騙案',
    romance: '網上情緣騙案',
    impersonation: '冒充身份騙案',
    phishing: '釣魚詐騙',
    fake_exchange: '虛假交易平台',
    giveaway: '虛假贈送活動',
    job: '求職騙案',
    tech_support: '假冒技術支援',
    extortion: '勒索',
    ransomware: '勒索軟件',
    money_mule: '傀儡戶口',
    other: '詐騙',
  },
  risk: { low: '低風險', medium: '中風險', high: '高風險', critical: '極高風險' },
  sources: {
    partner: '由警方合作夥伴舉報',
    user_report: '由用戶舉報',
    feed: '來自防騙情報來源',
    staff: '由交易平台保安團隊標記',
  },
  lookalike: (imitates, domain) => `這看似${imitates}，但並非 ${domain}。`,
  techniques: {
    confusable: '名稱用了外形相似的字元冒充真正的字母。',
    brand_in_name: '把品牌名稱放進另一個網站的網址。',
    tld_swap: '用了相同的名稱，但網域結尾不同。',
    typo: '名稱與真正的只差一兩個字母。',
    other: '名稱刻意模仿真正的網址。',
  },
  officialIs: (domain) => `官方網站是 ${domain}。`,
  reportAction: '我認為這是騙局 — 舉報',
  reportTitle: '舉報騙局',
  reportIntro: '你就這筆提款收款方的舉報，會由交易平台的防騙團隊核查。舉報不會發送或取消任何款項。',
  category: '屬於哪類騙局？',
  choose: '請選擇',
  categories: {
    investment: '投資',
    romance: '網上情緣／交友',
    impersonation_exchange: '冒充交易平台',
    impersonation_police: '冒充警方',
    impersonation_official: '冒充政府人員',
    phishing_site: '虛假網站（釣魚）',
    fake_support: '假冒客服',
    job_task: '求職／網上任務',
    giveaway: '贈送／中獎',
    ransomware_extortion: '勒索軟件／勒索',
    other: '其他',
  },
  description: '發生了甚麼事？（可選填）',
  send: '提交舉報',
  back: '返回警告',
  sending: '正在提交舉報…',
  sent: (reference) =>
    reference ? `多謝。我們已收到你的舉報（編號 ${reference}）。` : '多謝。我們已收到你的舉報。',
  queued: '多謝。你恢復上網後，舉報會自動提交。',
  failed: '抱歉，未能提交你的舉報。',
};

const zhHans: FindingStrings = {
  reported: (count, scamType, places) =>
    `此地址曾被举报 ${count} 次，涉嫌${scamType}${places ? `（${places}）` : ''}。`,
  lastSeen: (date) => `最近一次举报：${date}`,
  scamTypes: {
    unknown: '诈骗',
    investment: '投资骗局',
    romance: '网络交友骗局',
    impersonation: '冒充身份骗局',
    phishing: '钓鱼诈骗',
    fake_exchange: '虚假交易平台',
    giveaway: '虚假赠送活动',
    job: '求职骗局',
    tech_support: '假冒技术支持',
    extortion: '勒索',
    ransomware: '勒索软件',
    money_mule: '洗钱账户',
    other: '诈骗',
  },
  risk: { low: '低风险', medium: '中风险', high: '高风险', critical: '极高风险' },
  sources: {
    partner: '由警方合作伙伴举报',
    user_report: '由用户举报',
    feed: '来自防骗情报来源',
    staff: '由交易平台安全团队标记',
  },
  lookalike: (imitates, domain) => `这看似${imitates}，但并非 ${domain}。`,
  techniques: {
    confusable: '名称用了外形相似的字符冒充真正的字母。',
    brand_in_name: '把品牌名称放进另一个网站的网址。',
    tld_swap: '用了相同的名称，但域名后缀不同。',
    typo: '名称与真正的只差一两个字母。',
    other: '名称刻意模仿真正的网址。',
  },
  officialIs: (domain) => `官方网站是 ${domain}。`,
  reportAction: '我认为这是骗局 — 举报',
  reportTitle: '举报骗局',
  reportIntro: '你就这笔提款收款方的举报，会由交易平台的防骗团队核查。举报不会发送或取消任何款项。',
  category: '属于哪类骗局？',
  choose: '请选择',
  categories: {
    investment: '投资',
    romance: '网络交友',
    impersonation_exchange: '冒充交易平台',
    impersonation_police: '冒充警方',
    impersonation_official: '冒充政府人员',
    phishing_site: '虚假网站（钓鱼）',
    fake_support: '假冒客服',
    job_task: '求职／网络任务',
    giveaway: '赠送／中奖',
    ransomware_extortion: '勒索软件／勒索',
    other: '其他',
  },
  description: '发生了什么事？（选填）',
  send: '提交举报',
  back: '返回警告',
  sending: '正在提交举报…',
  sent: (reference) =>
    reference ? `谢谢。我们已收到你的举报（编号 ${reference}）。` : '谢谢。我们已收到你的举报。',
  queued: '谢谢。你恢复联网后，举报会自动提交。',
  failed: '抱歉，未能提交你的举报。',
};

const pt: FindingStrings = {
  reported: (count, scamType, places) =>
    `Este endereço foi denunciado ${count === 1 ? 'uma vez' : `${count} vezes`} como ${scamType}${places ? ` em ${places}` : ''}.`,
  lastSeen: (date) => `Última denúncia: ${date}`,
  scamTypes: {
    unknown: 'burla',
    investment: 'burla de investimento',
    romance: 'burla romântica',
    impersonation: 'burla de falsa identidade',
    phishing: 'phishing',
    fake_exchange: 'plataforma de negociação falsa',
    giveaway: 'oferta falsa',
    job: 'burla de emprego',
    tech_support: 'falso apoio técnico',
    extortion: 'extorsão',
    ransomware: 'ransomware',
    money_mule: 'conta de «mula» de dinheiro',
    other: 'burla',
  },
  risk: { low: 'Risco baixo', medium: 'Risco médio', high: 'Risco alto', critical: 'Risco crítico' },
  sources: {
    partner: 'Denunciado pela polícia parceira',
    user_report: 'Denunciado por utilizadores',
    feed: 'De uma fonte de informação sobre burlas',
    staff: 'Assinalado pela equipa de segurança da plataforma',
  },
  lookalike: (imitates, domain) => `Parece ${imitates}, mas não é ${domain}.`,
  techniques: {
    confusable: 'O nome usa caracteres parecidos com as letras verdadeiras.',
    brand_in_name: 'Coloca o nome da marca no endereço de outro site.',
    tld_swap: 'Usa o mesmo nome com outra terminação.',
    typo: 'O nome difere do verdadeiro numa ou duas letras.',
    other: 'O nome foi feito para parecer o verdadeiro.',
  },
  officialIs: (domain) => `O site oficial é ${domain}.`,
  reportAction: 'Acho que é uma burla — denunciar',
  reportTitle: 'Denunciar uma burla',
  reportIntro:
    'A sua denúncia sobre o destino deste levantamento é verificada pela equipa antiburla da plataforma. Não envia nem cancela nada.',
  category: 'Que tipo de burla é?',
  choose: 'Escolha uma opção',
  categories: {
    investment: 'Investimento',
    romance: 'Romance ou encontros online',
    impersonation_exchange: 'Alguém a fingir ser a plataforma',
    impersonation_police: 'Alguém a fingir ser a polícia',
    impersonation_official: 'Alguém a fingir ser um funcionário público',
    phishing_site: 'Site falso (phishing)',
    fake_support: 'Falso apoio ao cliente',
    job_task: 'Emprego ou tarefas online',
    giveaway: 'Oferta ou prémio',
    ransomware_extortion: 'Ransomware ou extorsão',
    other: 'Outra coisa',
  },
  description: 'O que aconteceu? (opcional)',
  send: 'Enviar denúncia',
  back: 'Voltar ao aviso',
  sending: 'A enviar a sua denúncia…',
  sent: (reference) =>
    reference
      ? `Obrigado. Recebemos a sua denúncia (referência ${reference}).`
      : 'Obrigado. Recebemos a sua denúncia.',
  queued: 'Obrigado. A sua denúncia será enviada assim que voltar a estar online.',
  failed: 'Lamentamos, não foi possível enviar a sua denúncia.',
};

export const FINDING_STRINGS: Record<ChromeLocale, FindingStrings> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  pt,
};

/** The report categories in the order the form lists them (the API's own list). */
export const REPORT_CATEGORY_ORDER = Object.keys(en.categories);
