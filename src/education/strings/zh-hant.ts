import type { QuizStrings } from './model.js';

const list = (items: readonly string[]) => items.join('、');

export const zhHant: QuizStrings = {
  title: (brand) => `識破假冒：${brand} 防釣魚測驗`,
  tricks: {
    brand_in_front: '品牌名放在別人網址前面',
    tld_swap: '同名但換了網址結尾',
    homoglyph: '以相似字元冒充',
    typo: '串錯字的網址',
    hosting_platform: '寄存平台上的假網站',
    fake_message: '冒充交易所的訊息',
    fake_account: '冒充官方帳戶',
    phone_call: '自稱交易所的來電',
  },
  siteQuestion: (brand) => `以下哪一個才是 ${brand} 的真正網站？`,
  siteExplanation: {
    brand_in_front: (f) =>
      `${f.fake} 不是 ${f.official}。網址真正的名稱是結尾前的那一段，即 ${f.site}；騙徒把「${f.official}」放在前面，令網址開頭看來正確。`,
    tld_swap: (f) =>
      `${f.fake} 名稱相同但結尾換成 .${f.tld}。任何人都可以用其他結尾登記同一個名稱，網站屬於別人。`,
    homoglyph: (f) =>
      `${f.fake} 用了另一種文字中外形相同的字母，它真正的名稱是 ${f.ascii}，部分瀏覽器會這樣顯示。`,
    typo: (f) => `${f.fake} 把 ${f.official} 串錯：多了、少了或調換了一個字母，一眼很難看出。`,
    hosting_platform: (f) =>
      `${f.fake} 是 ${f.platform} 上的網頁。這是任何人都可以登記的寄存服務，可以用 ${f.brand} 的名字開網頁。`,
  },
  sameTrick: (fake, ascii) => `${fake} 也是同一招${ascii ? `（真正名稱是 ${ascii}）` : ''}。`,
  theRealSite: (official) => `真正的網站是 ${official}。`,
  check: ({ checker, hotline }) =>
    checker && hotline
      ? `有懷疑？用「${checker}」查一查，或致電 ${hotline}。`
      : checker
        ? `有懷疑？用「${checker}」查一查。`
        : hotline
          ? `有懷疑？致電 ${hotline}。`
          : '有懷疑？自行打開官方 App，切勿使用別人傳來的連結。',
  channels: { sms: '短訊', email: '電郵', dm: '私訊' },
  messageQuestion: (channel, brand) => `你收到這則${channel}。它真的來自 ${brand} 嗎？`,
  messages: {
    impersonation: (brand, link) =>
      `【${brand}】偵測到異常登入，你的帳戶將於24小時內凍結。請立即把資產轉到受保護錢包：${link}`,
    investment: (brand, link) =>
      `你好，我是 ${brand} VIP 分析師。會員本週保證獲利30%，今天入金即可加入：${link}`,
    romance: (brand, link) =>
      `親愛的，我用 ${brand} 交易計劃賺了很多。把幣轉到我導師的錢包，一起建立我們的未來：${link}`,
    generic: (brand, link) => `${brand} 獎賞：你有500 USDT 獎金未領取，請於12小時內驗證錢包以領取：${link}`,
  },
  messageYes: (brand) => `是，來自 ${brand}`,
  messageNo: '不是，這是騙局',
  messageExplanation: (name, how, flags) =>
    `這是騙局：「${name}」。${how}${flags.length > 0 ? `警號：${list(flags)}。` : ''}連結也不是官方網站。`,
  accountQuestion: (brand, platform) => `以下哪一個是 ${brand} 在 ${platform} 的官方帳戶？`,
  accountExplanation: (official, fakes, site) =>
    `只有 ${official} 是官方帳戶。${fakes.join(' 和 ')} 改了一個字母或加了字眼來抄襲名稱，任何人都可以開這類帳戶。請從 ${site} 找官方帳戶。`,
  callQuestion: '有人打電話給你。你會怎樣做？',
  callScript: (brand) =>
    `「這裏是 ${brand} 保安部。你的帳戶正受攻擊，請立即把幣轉到安全錢包，並讀出我們剛傳給你的驗證碼。」`,
  callComply: '按指示轉幣',
  callCode: '只提供驗證碼，不轉幣',
  callHangUp: (hotline) =>
    hotline ? `掛線，然後在官方 App 查證或致電 ${hotline}` : '掛線，然後在官方 App 查證',
  callExplanation: (neverCall) =>
    `掛線。${neverCall}「安全錢包」就是騙徒的錢包，驗證碼會讓他們進入你的帳戶。`,
  handWritten: {
    qr: {
      body: (brand) => `${brand} 合規部：請掃描二維碼重新驗證錢包，否則明天起暫停提款。［二維碼］`,
      explanation:
        '這是騙局。二維碼可以藏着任何連結，「重新驗證錢包」的網頁會索取你的助記詞或令你簽署轉賬。限期是為了催促你。',
    },
    support: {
      prompt: (brand) =>
        `你在 Telegram 群組問了一個問題，不久「${brand} 客服」主動私訊你，說只要你分享螢幕就能解決提款問題。這是官方帳戶嗎？`,
      yes: '是，客服在幫我',
      no: '不是，真正的客服不會主動私訊',
      explanation:
        '真正的客服不會從群組主動私訊你，也絕不會要求看你的螢幕，因為螢幕上的驗證碼和助記詞都可被讀取。',
    },
    officer: {
      prompt: (brand) =>
        `一個「警員」視像來電：你的 ${brand} 帳戶涉及洗黑錢，必須把資金轉到監管帳戶，而且不可告訴任何人。你會怎樣做？`,
      comply: '按指示轉賬',
      callBack: '問對方電話，再打回去核實',
      hangUp: (hotline) => (hotline ? `掛線，自行致電 ${hotline}` : '掛線，自行致電警方'),
      explanation: (hotline) =>
        `警方絕不會要求你把錢轉到「監管帳戶」或要你保密。對方給你的號碼只會再接通騙徒。${hotline ? `請自行致電 ${hotline}。` : ''}`,
    },
  },
};
