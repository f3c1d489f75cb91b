import type { QuizStrings } from './model.js';

const list = (items: readonly string[]) => items.join('、');

export const zhHans: QuizStrings = {
  title: (brand) => `识破假冒：${brand} 防钓鱼测验`,
  tricks: {
    brand_in_front: '品牌名放在别人网址前面',
    tld_swap: '同名但换了网址结尾',
    homoglyph: '用相似字符冒充',
    typo: '拼错的网址',
    hosting_platform: '托管平台上的假网站',
    fake_message: '冒充交易所的信息',
    fake_account: '冒充官方账户',
    phone_call: '自称交易所的来电',
  },
  siteQuestion: (brand) => `以下哪一个才是 ${brand} 的真正网站？`,
  siteExplanation: {
    brand_in_front: (f) =>
      `${f.fake} 不是 ${f.official}。网址真正的名称是结尾前的那一段，即 ${f.site}；骗子把“${f.official}”放在前面，让网址开头看起来正确。`,
    tld_swap: (f) =>
      `${f.fake} 名称相同但结尾换成 .${f.tld}。任何人都可以用其他结尾注册同一个名称，网站属于别人。`,
    homoglyph: (f) =>
      `${f.fake} 用了另一种文字中外形相同的字母，它真正的名称是 ${f.ascii}，部分浏览器会这样显示。`,
    typo: (f) => `${f.fake} 把 ${f.official} 拼错：多了、少了或调换了一个字母，一眼很难看出。`,
    hosting_platform: (f) =>
      `${f.fake} 是 ${f.platform} 上的网页。这是任何人都可以注册的托管服务，可以用 ${f.brand} 的名字开网页。`,
  },
  sameTrick: (fake, ascii) => `${fake} 也是同一招${ascii ? `（真正名称是 ${ascii}）` : ''}。`,
  theRealSite: (official) => `真正的网站是 ${official}。`,
  check: ({ checker, hotline }) =>
    checker && hotline
      ? `有怀疑？用“${checker}”查一查，或拨打 ${hotline}。`
      : checker
        ? `有怀疑？用“${checker}”查一查。`
        : hotline
          ? `有怀疑？拨打 ${hotline}。`
          : '有怀疑？自行打开官方 App，切勿使用别人发来的链接。',
  channels: { sms: '短信', email: '电子邮件', dm: '私信' },
  messageQuestion: (channel, brand) => `你收到这条${channel}。它真的来自 ${brand} 吗？`,
  messages: {
    impersonation: (brand, link) =>
      `【${brand}】检测到异常登录，你的账户将在24小时内冻结。请立即把资产转到受保护钱包：${link}`,
    investment: (brand, link) =>
      `你好，我是 ${brand} VIP 分析师。会员本周保证获利30%，今天入金即可加入：${link}`,
    romance: (brand, link) =>
      `亲爱的，我用 ${brand} 交易计划赚了很多。把币转到我导师的钱包，一起建立我们的未来：${link}`,
    generic: (brand, link) => `${brand} 奖励：你有500 USDT 奖金未领取，请在12小时内验证钱包以领取：${link}`,
  },
  messageYes: (brand) => `是，来自 ${brand}`,
  messageNo: '不是，这是骗局',
  messageExplanation: (name, how, flags) =>
    `这是骗局：“${name}”。${how}${flags.length > 0 ? `警示信号：${list(flags)}。` : ''}链接也不是官方网站。`,
  accountQuestion: (brand, platform) => `以下哪一个是 ${brand} 在 ${platform} 的官方账户？`,
  accountExplanation: (official, fakes, site) =>
    `只有 ${official} 是官方账户。${fakes.join(' 和 ')} 改了一个字母或加了字词来抄袭名称，任何人都可以开这类账户。请从 ${site} 找官方账户。`,
  callQuestion: '有人打电话给你。你会怎么做？',
  callScript: (brand) =>
    `“这里是 ${brand} 安全部。你的账户正在受到攻击，请立即把币转到安全钱包，并读出我们刚发给你的验证码。”`,
  callComply: '按指示转币',
  callCode: '只提供验证码，不转币',
  callHangUp: (hotline) =>
    hotline ? `挂断，然后在官方 App 核实或拨打 ${hotline}` : '挂断，然后在官方 App 核实',
  callExplanation: (neverCall) => `挂断。${neverCall}“安全钱包”就是骗子的钱包，验证码会让他们进入你的账户。`,
  handWritten: {
    qr: {
      body: (brand) => `${brand} 合规部：请扫描二维码重新验证钱包，否则明天起暂停提现。［二维码］`,
      explanation:
        '这是骗局。二维码可以藏着任何链接，“重新验证钱包”的网页会索取你的助记词或让你签署转账。期限是为了催促你。',
    },
    support: {
      prompt: (brand) =>
        `你在 Telegram 群里问了一个问题，不久“${brand} 客服”主动私信你，说只要你共享屏幕就能解决提现问题。这是官方账户吗？`,
      yes: '是，客服在帮我',
      no: '不是，真正的客服不会主动私信',
      explanation:
        '真正的客服不会从群里主动私信你，也绝不会要求看你的屏幕，因为屏幕上的验证码和助记词都能被读取。',
    },
    officer: {
      prompt: (brand) =>
        `一个“警察”视频来电：你的 ${brand} 账户涉及洗钱，必须把资金转到监管账户，而且不能告诉任何人。你会怎么做？`,
      comply: '按指示转账',
      callBack: '问对方电话，再打回去核实',
      hangUp: (hotline) => (hotline ? `挂断，自行拨打 ${hotline}` : '挂断，自行报警'),
      explanation: (hotline) =>
        `警方绝不会要求你把钱转到“监管账户”或让你保密。对方给你的号码只会再接通骗子。${hotline ? `请自行拨打 ${hotline}。` : ''}`,
    },
  },
};
