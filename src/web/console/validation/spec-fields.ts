/**
 * Where a JSON pointer into a campaign spec is on the form, as the form names and numbers it:
 * "/content/en/contacts/1/phone" is "Contact 2 — phone number (English)". The tree mirrors
 * CampaignSpecSchema (src/campaigns/spec.ts); a test walks the schema so that a field added there
 * without a name here fails. Names are message keys of the "validation" namespace (field.*).
 */
type FieldNode =
  | { leaf: string }
  | { object: Record<string, FieldNode>; label?: string }
  /** A list numbered from 1 as the form does; `item` is a key taking {{n}}. */
  | { list: string; item: string; of: FieldNode }
  /** An object keyed by locale tag (content, a variant's overrides). */
  | { locales: FieldNode; label: string };

const leaf = (key: string): FieldNode => ({ leaf: key });
const leaves = (...keys: string[]): Record<string, FieldNode> =>
  Object.fromEntries(keys.map((key) => [key, leaf(key)]));
const list = (key: string, item: string, of: FieldNode): FieldNode => ({ list: key, item, of });

// Keys in the order the form shows them: problems are listed in this order (specFieldRank).
const content: FieldNode = {
  label: 'localeContent',
  object: {
    ...leaves('title', 'body', 'neverCallNotice'),
    tips: list('tips', 'tip', leaf('')),
    ...leaves('acknowledgeLabel', 'cancelLabel'),
    resources: list('resources', 'resource', {
      object: leaves('id', 'ref', 'name', 'url', 'phone', 'purpose', 'checkBeforeSend'),
    }),
    contacts: list('contacts', 'contact', {
      object: leaves('ref', 'name', 'phone', 'url', 'email', 'hours'),
    }),
    commonScams: list('commonScams', 'scam', {
      object: { ...leaves('name', 'id', 'howItWorks'), redFlags: list('redFlags', 'redFlag', leaf('')) },
    }),
    questions: list('questions', 'question', {
      object: {
        prompt: leaf('prompt'),
        id: leaf('questionId'),
        answers: list('answers', 'answer', {
          object: {
            label: leaf('answerLabel'),
            id: leaf('answerId'),
            scam: leaf('answerScam'),
            step: leaf('step'),
          },
        }),
      },
    }),
    statistics: list('statistics', 'statistic', {
      object: leaves('ref', 'label', 'value', 'source', 'year', 'sourceUrl'),
    }),
  },
};

const SPEC: FieldNode = {
  object: {
    content: { label: 'content', locales: content },
    experiment: {
      label: 'experiment',
      object: {
        variants: list('variants', 'variant', {
          object: {
            key: leaf('variantKey'),
            weight: leaf('weight'),
            overrides: {
              label: 'overrides',
              locales: { object: leaves('title', 'body'), label: 'override' },
            },
          },
        }),
        key: leaf('experimentKey'),
        holdoutShare: leaf('holdoutShare'),
      },
    },
    ...leaves('action', 'minDisplaySeconds', 'priority'),
    frequencyCap: { label: 'frequencyCap', object: leaves('maxPerUser', 'windowHours') },
    ladder: { label: 'ladder', object: leaves('coolingOffMinutes', 'warnFindingStep') },
    targeting: {
      label: 'targeting',
      object: {
        ...leaves('minAmountUsd', 'maxAmountUsd'),
        assets: list('assets', 'asset', leaf('')),
        ...leaves('maxAccountAgeDays', 'newDestinationOnly', 'securityChangeWithinHours'),
      },
    },
    presentations: list('presentations', 'presentation', {
      object: {
        key: leaf('presentationKey'),
        order: list('order', 'section', leaf('')),
        emphasis: leaf('emphasis'),
      },
    }),
  },
};

export interface SpecFieldPlace {
  /** Message keys with their values, outermost first: [["contact", {n: 2}], ["phone", {}]]. */
  parts: { key: string; n?: number }[];
  /** The locale the field belongs to (content, a variant's override), if any. */
  locale?: string;
  /** Segments the tree did not know, kept as typed so the label still says something. */
  unknown: string[];
}

/** "/content/en/contacts/1/phone" → the form's names for it (see SpecFieldPlace). */
export function specFieldPlace(pointer: string): SpecFieldPlace {
  const segments = pointer
    .split('/')
    .slice(1)
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const place: SpecFieldPlace = { parts: [], unknown: [] };
  let node: FieldNode | null = SPEC;
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i] ?? '';
    if (node === null || 'leaf' in node) {
      place.unknown.push(...segments.slice(i));
      break;
    }
    if ('locales' in node) {
      place.locale = segment;
      node = node.locales;
    } else if ('list' in node) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0) {
        place.unknown.push(...segments.slice(i));
        break;
      }
      place.parts.push({ key: node.item, n: index + 1 });
      node = node.of;
    } else {
      node = node.object[segment] ?? null;
      if (node === null) {
        place.unknown.push(...segments.slice(i));
        break;
      }
    }
    i += 1;
  }
  // A pointer that stops at a list, a section or a leaf names that thing itself.
  if (node !== null && place.unknown.length === 0) {
    // A list of plain strings (tips, red flags) has items but no field inside them.
    if ('leaf' in node) {
      if (node.leaf) place.parts.push({ key: node.leaf });
    } else if ('list' in node) place.parts.push({ key: node.list });
    else if (node.label) place.parts.push({ key: node.label });
  }
  return place;
}

/**
 * Where a pointer comes on the form, for sorting: the position of each key among its siblings and
 * each list index, so that problems read top to bottom. Locales rank by `locales` (the one on screen
 * first); fields the form does not know come last.
 */
export function specFieldRank(pointer: string, locales: readonly string[]): number[] {
  const rank: number[] = [];
  let node: FieldNode | null = SPEC;
  for (const segment of pointer.split('/').slice(1)) {
    if (node === null || 'leaf' in node) {
      rank.push(999);
      break;
    }
    if ('locales' in node) {
      const at = locales.indexOf(segment);
      rank.push(at === -1 ? 998 : at);
      node = node.locales;
    } else if ('list' in node) {
      rank.push(Number(segment) || 0);
      node = node.of;
    } else {
      const keys = Object.keys(node.object);
      const at = keys.indexOf(segment);
      rank.push(at === -1 ? 999 : at);
      node = node.object[segment] ?? null;
    }
  }
  return rank;
}

/** Every pointer template the tree names (lists at index 0, locales as "en"): for the tests. */
export function knownFieldPointers(): string[] {
  const out: string[] = [];
  const walk = (node: FieldNode, at: string) => {
    out.push(at);
    if ('leaf' in node) return;
    if ('locales' in node) walk(node.locales, `${at}/en`);
    else if ('list' in node) walk(node.of, `${at}/0`);
    else for (const [key, child] of Object.entries(node.object)) walk(child, `${at}/${key}`);
  };
  walk(SPEC, '');
  return out;
}
