import type { LocalizedContent } from '../../campaigns/spec.js';
import { demoStatistics } from '../statistics.js';

/**
 * [Demo] Macau warning. The Judiciary Police's anti-fraud enquiry hotline 8800 7777, its report
 * hotline 993 and its website are real public resources; the wording is the demo's own.
 */
export const macauContent: Record<string, LocalizedContent> = {
  'zh-Hant': {
    title: '【示範】提款前請三思：小心詐騙',
    body: '騙徒會以高回報投資、網上交友或冒充官員等手法，要求你把虛擬資產轉到他們的錢包。轉出後難以追回。',
    tips: [
      '有疑問先致電司法警察局反詐騙查詢熱線 8800 7777。',
      '不要相信「保證獲利」或「先付費才可提款」。',
      '任何人要求你轉賬到「安全帳戶」，都是詐騙。',
    ],
    commonScams: [
      {
        name: '虛假投資',
        howItWorks: '騙徒透過社交平台招攬投資虛擬資產，先讓你看到盈利，之後以各種理由拒絕提款。',
        redFlags: ['保證高回報', '要求轉賬至個人錢包', '提款要先付款'],
      },
      {
        name: '假冒官員',
        howItWorks: '騙徒冒充執法人員，聲稱你涉及案件，要求轉移資金以「協助調查」。',
        redFlags: ['聲稱你涉案', '要求保密', '要求轉賬'],
      },
    ],
    resources: [
      {
        id: 'pj-anti-fraud-hotline',
        ref: 'pj-anti-fraud-hotline',
        name: '司法警察局反詐騙查詢熱線',
        purpose: '轉賬前向司法警察局查詢是否涉及詐騙',
      },
      {
        id: 'pj-website',
        ref: 'pj-website',
        name: '司法警察局',
        purpose: '防騙資訊及報案方法',
      },
    ],
    contacts: [
      { ref: 'contact-pj-anti-fraud-hotline', name: '司法警察局反詐騙查詢熱線' },
      { ref: 'contact-pj-report', name: '司法警察局報案熱線' },
    ],
    statistics: demoStatistics('MO', 'zh-Hant'),
    neverCallNotice: '我們絕不會致電要求你轉賬或提供密碼、驗證碼。',
    acknowledgeLabel: '我明白風險，繼續',
    cancelLabel: '取消提款',
  },
  pt: {
    title: '[Demo] Pare antes de levantar: pode ser uma burla',
    body: 'Os burlões fazem-se passar por consultores de investimento, amigos online ou autoridades e pedem-lhe que envie criptoativos para uma carteira que eles controlam. Depois de enviados, raramente se recuperam.',
    tips: [
      'Em caso de dúvida, ligue para a linha aberta contra burlas da Polícia Judiciária: 8800 7777.',
      'Desconfie de lucros garantidos ou de taxas a pagar antes de poder levantar.',
      'Ninguém legítimo lhe pede para transferir fundos para uma "conta segura".',
    ],
    commonScams: [
      {
        name: 'Investimento fraudulento',
        howItWorks:
          'Através das redes sociais, convidam-no a investir em ativos virtuais, mostram lucros falsos e depois recusam o levantamento.',
        redFlags: ['Lucros garantidos', 'Transferência para carteira pessoal', 'Taxas antes do levantamento'],
      },
      {
        name: 'Falsos agentes da autoridade',
        howItWorks:
          'Alguém que diz ser agente da autoridade afirma que está envolvido num crime e pede-lhe que transfira fundos.',
        redFlags: ['Diz que está envolvido num caso', 'Pede segredo', 'Pede uma transferência'],
      },
    ],
    resources: [
      {
        id: 'pj-anti-fraud-hotline',
        ref: 'pj-anti-fraud-hotline',
        name: 'Linha aberta contra burlas da Polícia Judiciária',
        purpose: 'Confirmar com a Polícia Judiciária antes de enviar',
      },
      {
        id: 'pj-website',
        ref: 'pj-website',
        name: 'Polícia Judiciária',
        purpose: 'Informação contra burlas e como apresentar queixa',
      },
    ],
    contacts: [
      { ref: 'contact-pj-anti-fraud-hotline', name: 'Linha aberta contra burlas da Polícia Judiciária' },
      { ref: 'contact-pj-report', name: 'Linha de denúncia da Polícia Judiciária' },
    ],
    statistics: demoStatistics('MO', 'pt'),
    neverCallNotice: 'Nunca lhe telefonaremos a pedir transferências, palavras-passe ou códigos.',
    acknowledgeLabel: 'Compreendo o risco, continuar',
    cancelLabel: 'Cancelar levantamento',
  },
  en: {
    title: '[Demo] Think twice before you withdraw: it could be a scam',
    body: 'Scammers pose as investment advisers, online friends or officials and ask you to send crypto to a wallet they control. Once sent, it is rarely recovered.',
    tips: [
      "If in doubt, call the Judiciary Police's anti-fraud hotline 8800 7777.",
      'Distrust guaranteed profits and fees you must pay before you can withdraw.',
      'No one legitimate asks you to move funds to a "safe account".',
    ],
    commonScams: [
      {
        name: 'Fake investment',
        howItWorks:
          'You are invited on social media to invest in virtual assets, shown fake profits, then refused your withdrawal.',
        redFlags: ['Guaranteed profits', 'Sending to a personal wallet', 'Fees before withdrawal'],
      },
      {
        name: 'Fake officials',
        howItWorks:
          'Someone claiming to be an officer says you are involved in a case and asks you to move funds "for the investigation".',
        redFlags: ['Says you are involved in a case', 'Asks for secrecy', 'Asks for a transfer'],
      },
    ],
    resources: [
      {
        id: 'pj-anti-fraud-hotline',
        ref: 'pj-anti-fraud-hotline',
        name: 'Judiciary Police anti-fraud hotline',
        purpose: 'Check with the Judiciary Police before you send',
      },
      {
        id: 'pj-website',
        ref: 'pj-website',
        name: 'Judiciary Police',
        purpose: 'Anti-fraud advice and how to report',
      },
    ],
    contacts: [
      { ref: 'contact-pj-anti-fraud-hotline', name: 'Judiciary Police anti-fraud hotline' },
      { ref: 'contact-pj-report', name: 'Judiciary Police report hotline' },
    ],
    statistics: demoStatistics('MO', 'en'),
    neverCallNotice: 'We will never call you to ask for a transfer, a password or a code.',
    acknowledgeLabel: 'I understand the risk, continue',
    cancelLabel: 'Cancel withdrawal',
  },
};
