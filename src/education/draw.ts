import type { DrawnQuestion, QuizQuestion, QuizSpec, Trick } from './model.js';
import { seededRandom, shuffled } from './seeded-random.js';

/** The questions of one attempt, each with its options in the order this attempt shows them. */
export interface Draw {
  questions: { question: QuizQuestion; optionOrder: string[] }[];
}

/**
 * A balanced draw: tricks take turns (in a seeded order), each giving one question picked at random
 * among its own, until the attempt is full; so 8 questions over 8 tricks are one of each, and no
 * trick is seen twice before every trick was seen once. Deterministic given the seed.
 */
export function drawQuestions(spec: QuizSpec, seed: string, size = spec.drawSize): Draw {
  const random = seededRandom(seed);
  const byTrick = new Map<Trick, QuizQuestion[]>();
  for (const question of spec.questions) {
    const list = byTrick.get(question.trick) ?? [];
    list.push(question);
    byTrick.set(question.trick, list);
  }
  const pools = shuffled([...byTrick.keys()].sort(), random).map((trick) =>
    shuffled(byTrick.get(trick) ?? [], random),
  );
  const picked: QuizQuestion[] = [];
  const wanted = Math.min(size, spec.questions.length);
  while (picked.length < wanted) {
    for (const pool of pools) {
      const next = pool.shift();
      if (next && picked.length < wanted) picked.push(next);
    }
  }
  return {
    questions: picked.map((question) => ({ question, optionOrder: shuffled(question.optionIds, random) })),
  };
}

/** A drawn question in one language, without its answer. */
export function presentQuestion(
  question: QuizQuestion,
  optionOrder: readonly string[],
  locale: string,
): DrawnQuestion {
  const text = question.text[locale] ?? question.text.en ?? Object.values(question.text)[0];
  if (!text) throw new Error(`question ${question.id} has no text`);
  return {
    id: question.id,
    kind: question.kind,
    prompt: text.prompt,
    ...(text.body ? { body: text.body } : {}),
    ...(text.channel ? { channel: text.channel } : {}),
    options: optionOrder.map((id) => ({ id, label: text.options[id] ?? id })),
  };
}
