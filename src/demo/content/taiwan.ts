import type { LocalizedContent } from '../../campaigns/spec.js';
import { demoStatistics } from '../statistics.js';

/**
 * [Demo] Taiwan warning. The National Police Agency's 165 anti-fraud hotline and its 165 website
 * are real public resources; the wording is the demo's own.
 */
export const taiwanContent: Record<string, LocalizedContent> = {
  'zh-Hant': {
    title: '【示範】轉出前先停看聽：這可能是詐騙',
    body: '詐騙集團常以投資獲利、網路交友或假冒客服、檢警為由，要求你把虛擬資產轉到他們的錢包。一旦轉出就很難追回。',
    tips: [
      '有疑問，先撥打 165 反詐騙諮詢專線。',
      '「保證獲利」「穩賺不賠」「出金前要先繳保證金」都是詐騙。',
      '檢警不會要求你轉帳或監管帳戶。',
    ],
    commonScams: [
      {
        name: '假投資',
        howItWorks: '透過社群或通訊軟體加入投資群組，由「老師」帶你操作假平台，出金時要求繳費。',
        redFlags: ['保證獲利', '要求下載不明 App', '出金需先繳費'],
      },
      {
        name: '假檢警',
        howItWorks: '冒充檢察官或警察，稱你涉及洗錢案件，要求把資產轉到「監管帳戶」。',
        redFlags: ['稱你涉案', '要求保密', '要求轉帳到監管帳戶'],
      },
    ],
    resources: [
      {
        id: 'npa-165-hotline',
        ref: 'npa-165-hotline',
        name: '165 反詐騙諮詢專線',
        purpose: '轉出前向警方查證是否為詐騙',
      },
      {
        id: 'npa-165-site',
        ref: 'npa-165-site',
        name: '165 全民防騙網',
        purpose: '查詢最新詐騙手法與可疑網站',
      },
    ],
    contacts: [
      { ref: 'contact-npa-165', name: '165 反詐騙諮詢專線' },
      { ref: 'contact-police-110', name: '報案' },
    ],
    statistics: demoStatistics('TW', 'zh-Hant'),
    neverCallNotice: '我們絕不會打電話要求你轉帳、提供密碼或驗證碼。',
    acknowledgeLabel: '我了解風險，繼續',
    cancelLabel: '取消提領',
  },
  en: {
    title: '[Demo] Stop before you send: this may be a scam',
    body: 'Fraud rings pose as investment teachers, online friends, customer support or prosecutors and ask you to send crypto to their wallets. Once sent, it is very hard to recover.',
    tips: [
      'If in doubt, call the 165 anti-fraud hotline first.',
      '"Guaranteed profit" or a deposit before you can cash out always means fraud.',
      'Police and prosecutors never ask you to transfer money to a "supervised account".',
    ],
    commonScams: [
      {
        name: 'Fake investment',
        howItWorks:
          'You join an investment chat group where a "teacher" guides you on a fake platform, then fees appear when you try to cash out.',
        redFlags: ['Guaranteed profit', 'Installing an unknown app', 'Fees to cash out'],
      },
      {
        name: 'Fake prosecutors and police',
        howItWorks:
          'Callers claim you are involved in money laundering and tell you to move assets to a "supervised account".',
        redFlags: ['Says you are a suspect', 'Asks for secrecy', 'A "supervised account"'],
      },
    ],
    resources: [
      {
        id: 'npa-165-hotline',
        ref: 'npa-165-hotline',
        name: '165 Anti-Fraud Hotline',
        purpose: 'Check with the police before you send',
      },
      {
        id: 'npa-165-site',
        ref: 'npa-165-site',
        name: '165 Anti-Fraud website',
        purpose: 'Current scam tactics and suspicious sites',
      },
    ],
    contacts: [
      { ref: 'contact-npa-165', name: '165 Anti-Fraud Hotline' },
      { ref: 'contact-police-110', name: 'Police' },
    ],
    statistics: demoStatistics('TW', 'en'),
    neverCallNotice: 'We will never call you to ask for a transfer, a password or a code.',
    acknowledgeLabel: 'I understand the risk, continue',
    cancelLabel: 'Cancel withdrawal',
  },
};
