import type { QuizStrings } from './model.js';

const list = (items: readonly string[]) => items.join('; ');

export const pt: QuizStrings = {
  title: (brand) => `Descubra o falso: teste de phishing da ${brand}`,
  tricks: {
    brand_in_front: 'Marca à frente de outro site',
    tld_swap: 'Mesmo nome, outra terminação',
    homoglyph: 'Caracteres parecidos',
    typo: 'Nome mal escrito',
    hosting_platform: 'Marca num serviço de alojamento',
    fake_message: 'Mensagem falsa da plataforma',
    fake_account: 'Conta oficial falsa',
    phone_call: 'Chamada «da plataforma»',
  },
  siteQuestion: (brand) => `Qual destes é o verdadeiro site da ${brand}?`,
  siteExplanation: {
    brand_in_front: (f) =>
      `${f.fake} não é ${f.official}. O verdadeiro nome de um site é a parte antes da terminação, aqui ${f.site}: «${f.official}» foi posto à frente para o início do endereço parecer certo.`,
    tld_swap: (f) =>
      `${f.fake} tem o mesmo nome com outra terminação (.${f.tld}). Qualquer pessoa pode registar um nome noutra terminação; pertence a outra pessoa.`,
    homoglyph: (f) =>
      `${f.fake} usa uma letra de outro alfabeto que parece igual. O seu verdadeiro nome é ${f.ascii}, como alguns navegadores o mostram.`,
    typo: (f) =>
      `${f.fake} escreve mal ${f.official}: uma letra a mais, a menos ou trocada, fácil de não ver à primeira vista.`,
    hosting_platform: (f) =>
      `${f.fake} é uma página em ${f.platform}, um serviço de alojamento onde qualquer pessoa pode criar uma página com o nome da ${f.brand}.`,
  },
  sameTrick: (fake, ascii) =>
    `${fake} usa o mesmo truque${ascii ? ` (o seu verdadeiro nome é ${ascii})` : ''}.`,
  theRealSite: (official) => `O site verdadeiro é ${official}.`,
  check: ({ checker, hotline }) =>
    checker && hotline
      ? `Tem dúvidas? Verifique em ${checker} ou ligue para ${hotline}.`
      : checker
        ? `Tem dúvidas? Verifique em ${checker}.`
        : hotline
          ? `Tem dúvidas? Ligue para ${hotline}.`
          : 'Tem dúvidas? Abra a aplicação oficial por si, nunca um link que lhe enviaram.',
  channels: { sms: 'SMS', email: 'Email', dm: 'Mensagem direta' },
  messageQuestion: (channel, brand) => `Recebe isto (${channel}). É mesmo da ${brand}?`,
  messages: {
    impersonation: (brand, link) =>
      `[${brand}] Início de sessão invulgar detetado. A sua conta será congelada dentro de 24 horas. Transfira já os seus ativos para uma carteira protegida: ${link}`,
    investment: (brand, link) =>
      `Olá, sou analista VIP da ${brand}. Os nossos membros ganharam 30% esta semana, garantido. Deposite hoje para aderir: ${link}`,
    romance: (brand, link) =>
      `Querida, o meu plano de trading na ${brand} deixou-me rico. Envia as tuas moedas para a carteira do meu mentor e construímos o nosso futuro: ${link}`,
    generic: (brand, link) =>
      `Prémios ${brand}: tem um bónus de 500 USDT por receber. Verifique a sua carteira dentro de 12 horas para o receber: ${link}`,
  },
  messageYes: (brand) => `Sim, é da ${brand}`,
  messageNo: 'Não, é uma burla',
  messageExplanation: (name, how, flags) =>
    `É uma burla: «${name}». ${how}${flags.length > 0 ? ` Sinais de alerta: ${list(flags)}.` : ''} O link também não é o site oficial.`,
  accountQuestion: (brand, platform) => `Qual destas é a conta oficial da ${brand} no ${platform}?`,
  accountExplanation: (official, fakes, site) =>
    `Só ${official} é oficial. ${fakes.join(' e ')} copiam o nome com uma letra trocada ou uma palavra a mais; qualquer pessoa pode abrir uma conta assim. Encontre as contas oficiais a partir de ${site}.`,
  callQuestion: 'Alguém lhe telefona. O que faz?',
  callScript: (brand) =>
    `«Fala a segurança da ${brand}. A sua conta está a ser atacada. Transfira já as suas moedas para uma carteira segura e leia-me o código que acabámos de enviar.»`,
  callComply: 'Transferir as moedas como pedem',
  callCode: 'Dar o código, mas não transferir nada',
  callHangUp: (hotline) =>
    hotline
      ? `Desligar e verificar na aplicação oficial ou ligar para ${hotline}`
      : 'Desligar e verificar na aplicação oficial',
  callExplanation: (neverCall) =>
    `Desligue. ${neverCall} Uma «carteira segura» é a carteira do burlão, e o código deixa-o entrar na sua conta.`,
  handWritten: {
    qr: {
      body: (brand) =>
        `Conformidade ${brand}: leia o código QR para voltar a verificar a sua carteira, ou os levantamentos param amanhã. [código QR]`,
      explanation:
        'É uma burla. Um código QR pode esconder qualquer link, e as páginas de «voltar a verificar a carteira» pedem a sua frase de recuperação ou fazem-no assinar uma transferência. O prazo serve para o apressar.',
    },
    support: {
      prompt: (brand) =>
        `Faz uma pergunta num grupo do Telegram. Pouco depois, o «Apoio ${brand}» escreve-lhe primeiro e oferece-se para resolver o seu levantamento se partilhar o ecrã. É uma conta oficial?`,
      yes: 'Sim, o apoio está a ajudar-me',
      no: 'Não, o apoio verdadeiro nunca escreve primeiro',
      explanation:
        'O apoio verdadeiro não lhe escreve primeiro a partir de um grupo e nunca pede para ver o seu ecrã, onde se leem códigos e a frase de recuperação.',
    },
    officer: {
      prompt: (brand) =>
        `Uma videochamada de um «agente da polícia»: a sua conta na ${brand} está ligada a branqueamento de capitais, tem de transferir os fundos para uma conta supervisionada e não contar a ninguém. O que faz?`,
      comply: 'Transferir os fundos como pedem',
      callBack: 'Pedir o número deles e ligar de volta',
      hangUp: (hotline) =>
        hotline ? `Desligar e ligar por si para ${hotline}` : 'Desligar e ligar por si para a polícia',
      explanation: (hotline) =>
        `A polícia nunca pede para transferir dinheiro para uma «conta supervisionada» nem para guardar segredo. Um número que eles lhe dão volta a ligar para eles.${hotline ? ` Ligue por si para ${hotline}.` : ''}`,
    },
  },
};
