/**
 * The element's own words (buttons, headings, the countdown). The warning itself comes from the
 * campaign content in the decision; these only frame it, in the same language.
 */
export interface ChromeStrings {
  kicker: string;
  holdNotice: string;
  checkBeforeSend: string;
  commonScams: string;
  redFlags: string;
  tips: string;
  resources: string;
  contacts: string;
  statistics: string;
  source: (source: string, year: number) => string;
  call: (phone: string) => string;
  opensInNewTab: string;
  acknowledge: string;
  cancel: string;
  proceed: string;
  proceedIn: (seconds: number) => string;
  breather: (seconds: number) => string;
  ready: string;
  readyAfterAcknowledge: string;
  testYourself: string;
}

export type ChromeLocale = 'en' | 'zh-Hant' | 'zh-Hans' | 'pt';

const en: ChromeStrings = {
  kicker: 'Scam warning',
  holdNotice: 'For your safety, this withdrawal is on hold for a check.',
  checkBeforeSend: 'Check before you send',
  commonScams: 'Scams that look like this',
  redFlags: 'Warning signs',
  tips: 'Before you continue',
  resources: 'Where to get help',
  contacts: 'Contacts',
  statistics: 'Facts and figures',
  source: (source, year) => `Source: ${source}, ${year}`,
  call: (phone) => `Call ${phone}`,
  opensInNewTab: '(opens in a new tab)',
  acknowledge: 'I have read this warning and checked who I am sending to.',
  cancel: 'Cancel withdrawal',
  proceed: 'Continue',
  proceedIn: (seconds) => `Continue in ${seconds} s`,
  breather: (seconds) => `Take a breather. You can continue in ${seconds} seconds.`,
  ready: 'You can continue now.',
  readyAfterAcknowledge: 'To continue, tick the box above.',
  testYourself: 'Test yourself: can you spot a fake site or message?',
};

const zhHant: ChromeStrings = {
  kicker: '防騙警告',
  holdNotice: '為保障你的安全，這筆提款已暫緩處理以作核查。',
  checkBeforeSend: '轉賬前先查證',
  commonScams: '與此相似的騙案',
  redFlags: '警號',
  tips: '繼續之前',
  resources: '求助途徑',
  contacts: '聯絡',
  statistics: '相關數據',
  source: (source, year) => `資料來源：${source}（${year}年）`,
  call: (phone) => `致電 ${phone}`,
  opensInNewTab: '（在新分頁開啟）',
  acknowledge: '我已細閱此警告，並已核實收款人。',
  cancel: '取消提款',
  proceed: '繼續',
  proceedIn: (seconds) => `${seconds} 秒後可繼續`,
  breather: (seconds) => `先停一停，想一想。${seconds} 秒後可繼續。`,
  ready: '現在可以繼續。',
  readyAfterAcknowledge: '如要繼續，請先剔選上方的方格。',
  testYourself: '測一測：你能識破假網站和假訊息嗎？',
};

const zhHans: ChromeStrings = {
  kicker: '防骗警告',
  holdNotice: '为保障你的安全，这笔提款已暂缓处理以作核查。',
  checkBeforeSend: '转账前先查证',
  commonScams: '与此相似的骗案',
  redFlags: '危险信号',
  tips: '继续之前',
  resources: '求助途径',
  contacts: '联系方式',
  statistics: '相关数据',
  source: (source, year) => `资料来源：${source}（${year}年）`,
  call: (phone) => `致电 ${phone}`,
  opensInNewTab: '（在新标签页打开）',
  acknowledge: '我已阅读此警告，并已核实收款人。',
  cancel: '取消提款',
  proceed: '继续',
  proceedIn: (seconds) => `${seconds} 秒后可继续`,
  breather: (seconds) => `先停一停，想一想。${seconds} 秒后可继续。`,
  ready: '现在可以继续。',
  readyAfterAcknowledge: '如要继续，请先勾选上方的方框。',
  testYourself: '测一测：你能识破假网站和假信息吗？',
};

const pt: ChromeStrings = {
  kicker: 'Alerta de burla',
  holdNotice: 'Para sua segurança, este levantamento está retido para verificação.',
  checkBeforeSend: 'Verifique antes de enviar',
  commonScams: 'Burlas semelhantes',
  redFlags: 'Sinais de alerta',
  tips: 'Antes de continuar',
  resources: 'Onde obter ajuda',
  contacts: 'Contactos',
  statistics: 'Factos e números',
  source: (source, year) => `Fonte: ${source}, ${year}`,
  call: (phone) => `Ligar ${phone}`,
  opensInNewTab: '(abre num novo separador)',
  acknowledge: 'Li este aviso e verifiquei a quem estou a enviar.',
  cancel: 'Cancelar levantamento',
  proceed: 'Continuar',
  proceedIn: (seconds) => `Continuar em ${seconds} s`,
  breather: (seconds) => `Respire fundo. Pode continuar dentro de ${seconds} segundos.`,
  ready: 'Já pode continuar.',
  readyAfterAcknowledge: 'Para continuar, assinale a caixa acima.',
  testYourself: 'Teste-se: consegue detetar um site ou mensagem falsos?',
};

const STRINGS: Record<ChromeLocale, ChromeStrings> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, pt };

/**
 * Chinese is chosen by script, not region: zh-HK, zh-MO and zh-TW are Traditional, zh-CN and zh-SG
 * Simplified (Intl.Locale knows the likely script). Anything unknown reads English.
 */
export function chromeLocaleFor(tag: string | undefined): ChromeLocale {
  if (!tag) return 'en';
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 'en';
  }
  if (locale.language === 'zh') return locale.maximize().script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  if (locale.language === 'pt') return 'pt';
  return 'en';
}

export function chromeStringsFor(tag: string | undefined): ChromeStrings {
  return STRINGS[chromeLocaleFor(tag)];
}
