import { seededRandom, shuffled } from '../seeded-random.js';

const LETTERS = 'abcdefgh';

/**
 * Gives options opaque letters in an order fixed by the question id, so the answer's letter says
 * nothing and regenerating the bank keeps every question's letters.
 */
export function letterOptions<T>(
  questionId: string,
  options: readonly { value: T; correct: boolean }[],
): { optionIds: string[]; correct: string; byId: Map<string, T> } {
  const order = shuffled(options, seededRandom(questionId));
  const byId = new Map<string, T>();
  let correct = '';
  order.forEach((option, index) => {
    const id = LETTERS.charAt(index);
    byId.set(id, option.value);
    if (option.correct) correct = id;
  });
  return { optionIds: [...byId.keys()], correct, byId };
}

/** A text per option id, in the order of optionIds. */
export function optionTexts<T>(byId: Map<string, T>, word: (value: T) => string): Record<string, string> {
  return Object.fromEntries([...byId].map(([id, value]) => [id, word(value)]));
}

/** A question id part from free text: lowercase letters, digits and dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
