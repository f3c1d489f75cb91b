import type { NewDirectoryEntry } from '../campaigns/directory.js';
import type { Statistic } from '../campaigns/spec.js';

/**
 * [Demo] Local scam figures for the demo warnings, as the pilot's warning quoted its city's scam
 * numbers. Each is a published figure found with its source (the link is where it was read); none
 * was reviewed by the partner. A figure's value, year and link are a directory entry of its
 * jurisdiction (its key is the campaigns' ref); only its words are per locale, so every locale of a
 * campaign quotes the same number.
 */
interface Figure {
  key: string;
  value: string;
  year: number;
  sourceUrl: string;
  /** Label and source per locale; the source text carries the [Demo] mark. */
  words: Record<string, { label: string; source: string }>;
}

const figures: Record<string, Figure[]> = {
  HK: [
    {
      key: 'hk-deception-cases-2024',
      value: '44,480',
      year: 2024,
      sourceUrl: 'https://chinadailyhk.com/hk/article/604298',
      words: {
        'zh-Hant': {
          label: '宗騙案於2024年向香港警方舉報',
          source: '【示範】香港警務處2024年治安回顧（中國日報香港版報道）',
        },
        en: {
          label: 'deception cases recorded by the Hong Kong Police in 2024',
          source: '[Demo] Hong Kong Police Force, review of 2024 (reported by China Daily HK)',
        },
      },
    },
    {
      key: 'hk-deception-losses-2024',
      value: '9,150',
      year: 2024,
      sourceUrl: 'https://chinadailyhk.com/hk/article/604298',
      words: {
        'zh-Hant': {
          label: '百萬港元：2024年騙案涉及的損失',
          source: '【示範】香港警務處2024年治安回顧（中國日報香港版報道）',
        },
        en: {
          label: 'HK$ million lost to deception in 2024',
          source: '[Demo] Hong Kong Police Force, review of 2024 (reported by China Daily HK)',
        },
      },
    },
    {
      key: 'hk-deception-cases-2023',
      value: '39,824',
      year: 2023,
      sourceUrl: 'https://www.info.gov.hk/gia/general/202402/06/P2024020600468.htm',
      words: {
        'zh-Hant': {
          label: '宗騙案於2023年錄得，約七成與互聯網有關',
          source: '【示範】香港特區政府新聞公報：2023年香港治安情況',
        },
        en: {
          label: 'deception cases recorded in 2023, around 70% of them Internet-related',
          source: '[Demo] HKSAR Government press release, Law and order situation in Hong Kong in 2023',
        },
      },
    },
  ],
  MO: [
    {
      key: 'mo-internet-scams-2024',
      value: '906',
      year: 2024,
      sourceUrl:
        'https://macaudailytimes.com.mo/scams-resulted-in-a-loss-exceeding-mop154-million-in-2024.html',
      words: {
        'zh-Hant': {
          label: '宗網絡詐騙於2024年向司法警察局舉報',
          source: '【示範】司法警察局2024年工作回顧（澳門每日時報報道）',
        },
        pt: {
          label: 'burlas pela internet participadas à Polícia Judiciária em 2024',
          source: '[Demo] Polícia Judiciária, balanço de 2024 (noticiado pelo Macau Daily Times)',
        },
        en: {
          label: 'internet scams reported to the Judiciary Police in 2024',
          source: '[Demo] Judiciary Police, review of 2024 (reported by Macau Daily Times)',
        },
      },
    },
    {
      key: 'mo-scam-losses-2024',
      value: '154',
      year: 2024,
      sourceUrl:
        'https://macaudailytimes.com.mo/scams-resulted-in-a-loss-exceeding-mop154-million-in-2024.html',
      words: {
        'zh-Hant': {
          label: '百萬澳門元以上：2024年電話及網絡詐騙造成的損失',
          source: '【示範】司法警察局2024年工作回顧（澳門每日時報報道）',
        },
        pt: {
          label: 'milhões de patacas, pelo menos, perdidos em burlas telefónicas e pela internet em 2024',
          source: '[Demo] Polícia Judiciária, balanço de 2024 (noticiado pelo Macau Daily Times)',
        },
        en: {
          label: 'MOP million or more lost to phone and internet scams in 2024',
          source: '[Demo] Judiciary Police, review of 2024 (reported by Macau Daily Times)',
        },
      },
    },
  ],
  GB: [
    {
      key: 'gb-fraud-incidents-2025',
      value: '4.2 million',
      year: 2025,
      sourceUrl:
        'https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/bulletins/crimeinenglandandwales/yearendingmarch2025',
      words: {
        en: {
          label: 'fraud incidents experienced by adults in England and Wales in the year to March 2025',
          source: '[Demo] Office for National Statistics, Crime Survey for England and Wales',
        },
      },
    },
    {
      key: 'gb-fraud-losses-2024',
      value: '£1.17 billion',
      year: 2024,
      sourceUrl: 'https://kpmg.com/uk/en/insights/finance/annual-fraud-report.html',
      words: {
        en: {
          label: 'stolen through authorised and unauthorised fraud in the UK in 2024',
          source: '[Demo] UK Finance, Annual Fraud Report 2025 (summarised by KPMG UK)',
        },
      },
    },
  ],
  TW: [
    {
      key: 'tw-fraud-cases-2025',
      value: '176,242',
      year: 2025,
      sourceUrl:
        'https://tw.news.yahoo.com/%E5%8E%BB%E5%B9%B4%E5%8F%B0%E4%BA%BA%E8%A2%AB%E9%A8%99%E8%B5%B0893%E5%84%84-%E4%BB%96%E5%82%B31%E8%A8%8A%E6%81%AF-%E8%A2%AB%E7%8B%A0%E5%AE%B013%E6%AC%A1-369%E8%90%AC%E5%85%83%E6%B2%92%E4%BA%86-145900552.html',
      words: {
        'zh-Hant': {
          label: '件詐騙案於2025年全年受理',
          source: '【示範】內政部警政署165打詐儀錶板（三立新聞網報導）',
        },
        en: {
          label: 'fraud cases received by the police in 2025',
          source: "[Demo] National Police Agency's 165 anti-fraud dashboard (reported by SET News)",
        },
      },
    },
    {
      key: 'tw-fraud-losses-2025',
      value: '89,326',
      year: 2025,
      sourceUrl:
        'https://tw.news.yahoo.com/%E5%8E%BB%E5%B9%B4%E5%8F%B0%E4%BA%BA%E8%A2%AB%E9%A8%99%E8%B5%B0893%E5%84%84-%E4%BB%96%E5%82%B31%E8%A8%8A%E6%81%AF-%E8%A2%AB%E7%8B%A0%E5%AE%B013%E6%AC%A1-369%E8%90%AC%E5%85%83%E6%B2%92%E4%BA%86-145900552.html',
      words: {
        'zh-Hant': {
          label: '百萬新臺幣：2025年詐騙財損',
          source: '【示範】內政部警政署165打詐儀錶板（三立新聞網報導）',
        },
        en: {
          label: 'NT$ million lost to fraud in 2025',
          source: "[Demo] National Police Agency's 165 anti-fraud dashboard (reported by SET News)",
        },
      },
    },
  ],
};

/** The demo figures of a jurisdiction in one locale, by ref (none for a locale without words). */
export function demoStatistics(jurisdiction: string, locale: string): Statistic[] {
  return (figures[jurisdiction] ?? []).flatMap((figure) => {
    const words = figure.words[locale];
    return words ? [{ ref: figure.key, label: words.label, source: words.source }] : [];
  });
}

/** The figures as entries of their jurisdiction's directory. */
export function demoStatisticEntries(jurisdiction: string): NewDirectoryEntry[] {
  return (figures[jurisdiction] ?? []).map((figure) => ({
    key: figure.key,
    kind: 'statistic',
    label: `[Demo] ${figure.words.en?.label ?? figure.key} (${figure.year})`,
    value: figure.value,
    year: figure.year,
    sourceUrl: figure.sourceUrl,
  }));
}
