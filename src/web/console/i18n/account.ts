import type { Namespace } from './index.js';

/**
 * Signing in with a second factor, the account page, the roles' names and the few words every page
 * shares (the session check, a page that is not there or not for the role, a question's Cancel).
 */
export const accountMessages: Namespace = {
  en: {
    totp: {
      label: 'Code from your authenticator app',
      hint: 'Six digits; a new code every 30 seconds. Lost your phone? An administrator can reset it.',
    },
    enrol: {
      title: 'Two-factor sign-in',
      mustEnrol:
        'Administrators sign in with a code from an authenticator app as well as the password. Set one up to continue.',
      signOut: 'Sign out',
      done: 'Your authenticator app is set up. From now on, signing in asks for its six-digit code.',
      enabled:
        'An authenticator app is set up for your account; signing in asks for its code. If you lose it, an administrator can reset it.',
      why: 'After your password, signing in will also ask for a six-digit code from an authenticator app on your phone, so a stolen password alone opens nothing.',
      startFailed: 'Could not start the set-up.',
      start: 'Set up an authenticator app',
      addKey: 'In your authenticator app, add an account with this key (it is shown only now):',
      keyLabel: 'Set-up key',
      orLink: 'Or open this link on the phone that holds the app:',
      link: 'add to authenticator',
      code: 'Code from the app',
      verifyFailed: 'The app is not set up yet.',
      confirm: 'Confirm code',
    },
    roles: {
      admin: 'Administrator',
      analyst: 'Analyst',
      partner_reviewer: 'Partner reviewer',
      le_responder: 'Police-request responder',
    },
    checkingSession: 'Checking your session…',
    notForRole: {
      title: 'Not available',
      heading: 'Not available for your role',
      body: 'This page is for administrators. Ask an administrator of your caveat installation if you need it.',
    },
    notFound: {
      title: 'Page not found',
      body: 'There is no console page at this address.',
      link: 'Go to campaigns',
    },
    cancel: 'Cancel',
    dashboardWhat: 'the dashboard',
  },
  'zh-Hant': {
    totp: {
      label: '驗證器應用程式上的驗證碼',
      hint: '六位數字，每 30 秒更新一次。遺失手機？管理員可以為你重設。',
    },
    enrol: {
      title: '雙重認證登入',
      mustEnrol: '管理員登入時除密碼外，亦須輸入驗證器應用程式上的驗證碼。請先設定，然後繼續。',
      signOut: '登出',
      done: '你的驗證器應用程式已設定好。今後登入時會要求輸入其六位數驗證碼。',
      enabled: '你的帳戶已設定驗證器應用程式，登入時會要求輸入其驗證碼。如遺失，管理員可以為你重設。',
      why: '輸入密碼後，登入時亦會要求輸入手機上驗證器應用程式的六位數驗證碼，因此單憑被盜的密碼無法登入。',
      startFailed: '未能開始設定。',
      start: '設定驗證器應用程式',
      addKey: '請在驗證器應用程式中以此金鑰新增帳戶（只會在此顯示一次）：',
      keyLabel: '設定金鑰',
      orLink: '或在裝有該應用程式的手機上開啟此連結：',
      link: '加入驗證器',
      code: '應用程式上的驗證碼',
      verifyFailed: '應用程式尚未設定好。',
      confirm: '確認驗證碼',
    },
    roles: {
      admin: '管理員',
      analyst: '分析員',
      partner_reviewer: '合作夥伴審閱人',
      le_responder: '警方請求處理人員',
    },
    checkingSession: '正在核對你的登入狀態…',
    notForRole: {
      title: '無法使用',
      heading: '你的角色無法使用此頁',
      body: '此頁只供管理員使用。如有需要，請聯絡你的 caveat 系統管理員。',
    },
    notFound: {
      title: '找不到頁面',
      body: '此網址沒有控制台頁面。',
      link: '前往宣傳活動',
    },
    cancel: '取消',
    dashboardWhat: '數據概覽',
  },
};
