import type { LocalizedContent } from '../../campaigns/spec.js';
import { demoStatistics } from '../statistics.js';

/**
 * [Demo] UK warning. Action Fraud (0300 123 2040), the NCSC's Suspicious Email Reporting Service
 * (report@phishing.gov.uk), 7726 for scam texts, the 159 bank hotline and the FCA's ScamSmart are
 * real public resources; the wording is the demo's own.
 */
export const unitedKingdomContent: Record<string, LocalizedContent> = {
  en: {
    title: '[Demo] Stop. Could this withdrawal be a scam?',
    body: 'Criminals pose as investment firms, romantic partners, your bank or the police and persuade you to send crypto to them. Crypto transfers cannot be reversed.',
    tips: [
      'Check an investment firm on the FCA ScamSmart site before you send anything.',
      'If someone contacted you out of the blue about your money, hang up and call 159 to reach your bank.',
      'Forward scam texts to 7726 and scam emails to report@phishing.gov.uk.',
    ],
    commonScams: [
      {
        name: 'Investment fraud',
        howItWorks:
          'Adverts or new online contacts promise high returns from crypto trading, show a convincing dashboard, then ask for more money or fees to release "profits".',
        redFlags: ['Returns that sound too good to be true', 'Pressure to act now', 'Celebrity endorsements'],
      },
      {
        name: 'Romance fraud',
        howItWorks:
          'Someone you met online builds trust over weeks, then asks for money or introduces an "investment opportunity".',
        redFlags: ['Never meets on video or in person', 'Asks you to keep it secret', 'Money requests'],
      },
    ],
    resources: [
      {
        id: 'fca-scamsmart',
        ref: 'fca-scamsmart',
        name: 'FCA ScamSmart',
        purpose: 'Check an investment offer or firm against the FCA Warning List',
      },
      {
        id: 'action-fraud',
        ref: 'action-fraud',
        name: 'Action Fraud',
        purpose: 'Report fraud and get advice',
      },
      {
        id: 'stop-scams-159',
        ref: 'stop-scams-159',
        name: 'Stop Scams UK 159',
        purpose: 'Reach your bank safely if you are unsure about a call or request',
      },
    ],
    contacts: [
      { ref: 'contact-action-fraud', name: 'Action Fraud' },
      { ref: 'contact-sers', name: 'Suspicious Email Reporting Service' },
    ],
    statistics: demoStatistics('GB', 'en'),
    neverCallNotice:
      'We will never call you to ask you to move funds, or ask for your password or 2FA codes.',
    acknowledgeLabel: 'I understand the risk, continue',
    cancelLabel: 'Cancel withdrawal',
  },
};
