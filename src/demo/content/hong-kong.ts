import type { LocalizedContent } from '../../campaigns/spec.js';
import { demoStatistics } from '../statistics.js';

/**
 * [Demo] Hong Kong warning. Hotline, sites and agencies are real public resources: the
 * Anti-Deception Coordination Centre's Anti-Scam Helpline 18222 and the police's Scameter search
 * engine on CyberDefender. Worded for the demo, not by the Hong Kong Police.
 */
export const hongKongContent: Record<string, LocalizedContent> = {
  'zh-Hant': {
    title: '【示範】提款前停一停：你可能正被騙',
    body: '騙徒常以投資獲利、網上情緣或冒充客服為名，要求你把加密貨幣轉到他們控制的地址。轉出後幾乎無法追回。',
    tips: [
      '轉賬前先用「防騙視伏器」查一查收款地址、網站或電話。',
      '保證高回報、要求先付「稅款」或「解凍費」才能提款，都是騙局。',
      '不要因為對方催促而匆忙轉賬，先和家人或警方商量。',
    ],
    commonScams: [
      {
        name: '投資騙案',
        howItWorks:
          '網上認識的「導師」或朋友展示虛假盈利截圖，引導你在假平台投資，再以各種費用為由阻止你提款。',
        redFlags: ['保證回報', '要求轉賬到私人錢包', '提款前要先付費用'],
      },
      {
        name: '冒充客服或官員',
        howItWorks: '騙徒自稱交易所客服、銀行或執法人員，指你的帳戶有問題，要求你把資產轉到「安全帳戶」。',
        redFlags: ['主動來電或訊息', '要求轉到「安全帳戶」', '要求提供驗證碼'],
      },
    ],
    resources: [
      {
        id: 'scameter',
        name: '防騙視伏器 Scameter',
        url: 'https://cyberdefender.hk/scameter/',
        purpose: '查核收款地址、網站、電話號碼或電郵是否涉及詐騙',
        checkBeforeSend: true,
      },
      {
        id: 'adcc-18222',
        ref: 'adcc-18222',
        name: '防騙易熱線 18222',
        purpose: '24小時向警方反詐騙協調中心查詢',
      },
      {
        id: 'adcc',
        ref: 'adcc',
        name: '反詐騙協調中心',
        purpose: '最新騙案手法及防騙資訊',
      },
    ],
    contacts: [
      { ref: 'contact-adcc-18222', name: '反詐騙協調中心（防騙易熱線）' },
      { ref: 'contact-emergency', name: '緊急求助' },
    ],
    statistics: demoStatistics('HK', 'zh-Hant'),
    neverCallNotice: '我們絕不會致電要求你轉賬、提供密碼或驗證碼。',
    acknowledgeLabel: '我明白風險，繼續提款',
    cancelLabel: '取消提款',
  },
  en: {
    title: '[Demo] Pause before you withdraw: this could be a scam',
    body: 'Scammers pose as investment mentors, online partners or customer support and ask you to move crypto to an address they control. Once sent, it is almost never recovered.',
    tips: [
      'Check the receiving address, website or phone number on Scameter before you send.',
      'Guaranteed returns, or a "tax" or "unlock fee" before you can withdraw, always mean a scam.',
      'Do not let anyone rush you. Talk to family or the police first.',
    ],
    commonScams: [
      {
        name: 'Investment scam',
        howItWorks:
          'A "mentor" or friend met online shows fake profits, steers you to a fake platform, then invents fees that stop you withdrawing.',
        redFlags: ['Guaranteed returns', 'Sending to a private wallet', 'Fees before you can withdraw'],
      },
      {
        name: 'Impersonating support or officials',
        howItWorks:
          'Someone claiming to be exchange support, a bank or law enforcement says your account is at risk and asks you to move assets to a "safe account".',
        redFlags: ['They contacted you first', 'A "safe account"', 'Asking for a verification code'],
      },
    ],
    resources: [
      {
        id: 'scameter',
        name: 'Scameter',
        url: 'https://cyberdefender.hk/en-us/scameter/',
        purpose: 'Check whether an address, website, phone number or email is linked to fraud',
        checkBeforeSend: true,
      },
      {
        id: 'adcc-18222',
        ref: 'adcc-18222',
        name: 'Anti-Scam Helpline 18222',
        purpose: "Ask the police's Anti-Deception Coordination Centre, 24 hours",
      },
      {
        id: 'adcc',
        ref: 'adcc',
        name: 'Anti-Deception Coordination Centre',
        purpose: 'Current scam tactics and advice',
      },
    ],
    contacts: [
      { ref: 'contact-adcc-18222', name: 'Anti-Deception Coordination Centre (Anti-Scam Helpline)' },
      { ref: 'contact-emergency', name: 'Emergency' },
    ],
    statistics: demoStatistics('HK', 'en'),
    neverCallNotice: 'We will never call you to ask you to transfer funds or to give a password or code.',
    acknowledgeLabel: 'I understand the risk, continue',
    cancelLabel: 'Cancel withdrawal',
  },
};
