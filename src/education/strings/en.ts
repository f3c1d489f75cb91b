import type { QuizStrings } from './model.js';

const list = (items: readonly string[]) => items.join('; ');

export const en: QuizStrings = {
  title: (brand) => `Spot the fake: a ${brand} phishing quiz`,
  tricks: {
    brand_in_front: 'Brand in front of another site',
    tld_swap: 'Same name, another ending',
    homoglyph: 'Look-alike characters',
    typo: 'A misspelt name',
    hosting_platform: 'Brand on a hosting platform',
    fake_message: 'A fake message from the exchange',
    fake_account: 'A fake official account',
    phone_call: 'A call "from the exchange"',
  },
  siteQuestion: (brand) => `Which of these is the real ${brand} website?`,
  siteExplanation: {
    brand_in_front: (f) =>
      `${f.fake} is not ${f.official}. A site's real name is the part just before its ending, here ${f.site}: "${f.official}" was put in front so the start of the address looks right.`,
    tld_swap: (f) =>
      `${f.fake} has the same name with another ending (.${f.tld}). Anyone can register a name under another ending; it belongs to someone else.`,
    homoglyph: (f) =>
      `${f.fake} uses a letter from another alphabet that looks the same. Its real name is ${f.ascii}, which is how some browsers show it.`,
    typo: (f) =>
      `${f.fake} misspells ${f.official}: one letter is added, dropped or swapped, easy to miss at a glance.`,
    hosting_platform: (f) =>
      `${f.fake} is a page on ${f.platform}, a hosting service anyone can sign up to and name a page after ${f.brand}.`,
  },
  sameTrick: (fake, ascii) => `${fake} is the same trick${ascii ? ` (its real name is ${ascii})` : ''}.`,
  theRealSite: (official) => `The real site is ${official}.`,
  check: ({ checker, hotline }) =>
    checker && hotline
      ? `Not sure? Check it on ${checker} or call ${hotline}.`
      : checker
        ? `Not sure? Check it on ${checker}.`
        : hotline
          ? `Not sure? Call ${hotline}.`
          : 'Not sure? Open the official app yourself, never a link you were sent.',
  channels: { sms: 'SMS', email: 'Email', dm: 'Direct message' },
  messageQuestion: (channel, brand) => `You receive this (${channel}). Is it really from ${brand}?`,
  messages: {
    impersonation: (brand, link) =>
      `[${brand}] Unusual sign-in detected. Your account will be frozen in 24 hours. Move your assets to a protected wallet now: ${link}`,
    investment: (brand, link) =>
      `Hi, I'm a ${brand} VIP analyst. Our members made 30% this week, guaranteed. Deposit today to join: ${link}`,
    romance: (brand, link) =>
      `Darling, my ${brand} trading plan made me rich. Send your coins to my mentor's wallet and we'll build our future: ${link}`,
    generic: (brand, link) =>
      `${brand} Rewards: you have an unclaimed bonus of 500 USDT. Verify your wallet within 12 hours to receive it: ${link}`,
  },
  messageYes: (brand) => `Yes, it is from ${brand}`,
  messageNo: 'No, it is a scam',
  messageExplanation: (name, how, flags) =>
    `It is a scam: "${name}". ${how}${flags.length > 0 ? ` Warning signs: ${list(flags)}.` : ''} The link is not the official site either.`,
  accountQuestion: (brand, platform) => `Which of these is ${brand}'s official account on ${platform}?`,
  accountExplanation: (official, fakes, site) =>
    `Only ${official} is official. ${fakes.join(' and ')} copy the name with a changed letter or an extra word; anyone can open such an account. Find the official accounts from ${site}.`,
  callQuestion: 'Someone calls you. What do you do?',
  callScript: (brand) =>
    `"This is ${brand} security. Your account is under attack. Move your coins to a safe wallet now, and read me the code we just sent you."`,
  callComply: 'Move the coins as told',
  callCode: 'Give the code, but move nothing',
  callHangUp: (hotline) =>
    hotline
      ? `Hang up, then check in the official app or call ${hotline}`
      : 'Hang up, then check in the official app',
  callExplanation: (neverCall) =>
    `Hang up. ${neverCall} A "safe wallet" is the scammer's wallet, and the code lets them into your account.`,
  handWritten: {
    qr: {
      body: (brand) =>
        `${brand} Compliance: scan the QR code to re-verify your wallet, or withdrawals stop tomorrow. [QR code]`,
      explanation:
        'It is a scam. A QR code can hide any link, and "re-verify your wallet" pages ask for your recovery phrase or make you sign a transfer. The deadline is there to hurry you.',
    },
    support: {
      prompt: (brand) =>
        `You ask a question in a Telegram group. Soon "${brand} Support" messages you first and offers to fix your withdrawal if you share your screen. Is this an official account?`,
      yes: 'Yes, support is helping me',
      no: 'No, real support never messages first',
      explanation:
        'Real support does not message you first from a group chat, and never asks to see your screen, where codes and your recovery phrase can be read.',
    },
    officer: {
      prompt: (brand) =>
        `A video call from a "police officer": your ${brand} account is linked to money laundering, you must move your funds to a supervised account and tell no one. What do you do?`,
      comply: 'Move the funds as told',
      callBack: 'Ask for their number and call them back on it',
      hangUp: (hotline) =>
        hotline ? `Hang up and call ${hotline} yourself` : 'Hang up and call the police yourself',
      explanation: (hotline) =>
        `Police never ask you to move money to a "supervised account" or to keep it secret. A number they give you reaches them again.${hotline ? ` Call ${hotline} yourself.` : ''}`,
    },
  },
};
