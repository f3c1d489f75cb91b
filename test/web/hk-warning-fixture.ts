import type { WarningContent, WarningDecision } from '../../src/web/warning/decision.js';

/**
 * A Hong Kong warning as a published campaign would render it. The helpline (18222, the Police
 * Anti-Deception Coordination Centre) and Scameter are real public services; the wording is ours.
 */
export const hkContentEn: WarningContent = {
  locale: 'en',
  title: 'Stop: this withdrawal may be going to a scammer',
  body: 'Crypto sent to a scammer cannot be recovered. Scammers in Hong Kong are asking people to move crypto to "safe accounts", fake investment platforms and new online friends.',
  tips: [
    'Check the wallet address on Scameter before you send.',
    'If someone is rushing you or telling you to keep it secret, stop and call 18222.',
    'Never send crypto to "unlock" profits or pay a "release fee".',
  ],
  commonScams: [
    {
      name: 'Investment scam',
      howItWorks:
        'Someone you met online shows you big profits on a trading platform and asks you to deposit crypto. The platform is fake: the profits are numbers on a screen.',
      redFlags: [
        'Guaranteed or unusually high returns',
        'You must pay a fee or tax before you can withdraw',
        'You met the contact on social media or a dating app',
      ],
    },
    {
      name: 'Impersonation of officials',
      howItWorks:
        'A caller claims to be police, a mainland official or bank staff, says your account is linked to a crime and tells you to move your money to a "safe account" for checking.',
      redFlags: ['A call or message about a crime you know nothing about', 'Being told not to tell anyone'],
    },
  ],
  resources: [
    {
      id: 'scameter',
      name: 'Scameter',
      url: 'https://cyberdefender.hk/en-us/scameter/',
      purpose:
        'Search a wallet address, website, phone number or account in the Hong Kong Police scam database.',
      checkBeforeSend: true,
    },
    {
      id: 'adcc-18222',
      name: 'Anti-Scam Helpline',
      phone: '18222',
      purpose: 'Hong Kong Police Anti-Deception Coordination Centre, 24 hours.',
      checkBeforeSend: true,
    },
  ],
  contacts: [
    { name: 'Anti-Scam Helpline (Hong Kong Police)', phone: '18222', hours: '24 hours' },
    { name: 'Emergency', phone: '999' },
  ],
  statistics: [
    {
      label: 'deception cases reported in Hong Kong',
      value: '39,824',
      source: 'Hong Kong Police Force',
      year: 2023,
    },
  ],
  neverCallNotice:
    'The police, your bank and this exchange will never ask you to transfer crypto or to tell them your password or one-time code.',
};

export const hkContentZhHant: WarningContent = {
  locale: 'zh-Hant',
  title: '請停一停：這筆提款可能是轉給騙徒',
  body: '加密貨幣一經轉給騙徒便無法追回。近期有騙徒要求市民把加密貨幣轉到「安全戶口」、虛假投資平台或新認識的網友。',
  tips: [
    '轉賬前，先在「防騙視伏器」查核錢包地址。',
    '如有人催促你或叫你保密，請停止並致電 18222。',
    '切勿為「解凍」利潤或支付「手續費」而轉出加密貨幣。',
  ],
  commonScams: [
    {
      name: '投資騙案',
      howItWorks:
        '網上認識的人向你展示交易平台上的高回報，並要求你存入加密貨幣。平台是假的，利潤只是畫面上的數字。',
      redFlags: ['保證或異常高的回報', '提取利潤前須先付費或繳稅', '在社交媒體或交友應用程式認識對方'],
    },
    {
      name: '假冒官員騙案',
      howItWorks:
        '來電者自稱警察、內地官員或銀行職員，指你的戶口涉及罪案，要求你把資金轉到「安全戶口」接受調查。',
      redFlags: ['收到有關你毫不知情的罪案的來電或訊息', '被要求不可告訴任何人'],
    },
  ],
  resources: [
    {
      id: 'scameter',
      name: '防騙視伏器',
      url: 'https://cyberdefender.hk/en-us/scameter/',
      purpose: '在香港警方的詐騙資料庫搜尋錢包地址、網站、電話號碼或戶口。',
      checkBeforeSend: true,
    },
    {
      id: 'adcc-18222',
      name: '防騙易熱線',
      phone: '18222',
      purpose: '香港警務處反詐騙協調中心，24 小時服務。',
      checkBeforeSend: true,
    },
  ],
  contacts: [
    { name: '防騙易熱線（香港警務處）', phone: '18222', hours: '24 小時' },
    { name: '緊急求助', phone: '999' },
  ],
  statistics: [{ label: '香港全年接獲的詐騙案', value: '39,824 宗', source: '香港警務處', year: 2023 }],
  neverCallNotice: '警方、你的銀行及本交易所絕不會要求你轉出加密貨幣，或索取你的密碼或一次性驗證碼。',
};

let sequence = 0;

/** A warn decision for HK with fresh ids, so each test's "once per decision" events start anew. */
export function hkDecision(
  content: WarningContent,
  overrides: Partial<WarningDecision> = {},
): WarningDecision {
  sequence += 1;
  return {
    id: `dec_test_${Date.now().toString(36)}_${sequence}`,
    idempotencyKey: `wd-${sequence}`,
    createdAt: new Date().toISOString(),
    decision: 'warn',
    reasons: [{ code: 'campaign_matched', message: 'HK crypto scam warning' }],
    campaign: { id: 'hk-crypto-2026', version: 1, variant: 'a' },
    arm: 'treatment',
    degraded: false,
    minDisplaySeconds: 2,
    eventToken: `evt_${sequence}_token`,
    content,
    ...overrides,
  };
}
