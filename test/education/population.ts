import type { EducationService } from '../../src/app/education-service.js';
import { offeredQuiz } from '../../src/education/measurement.js';
import type { QuizOffer, Trick } from '../../src/education/model.js';
import { seededRandom } from '../../src/education/seeded-random.js';

/** The share of people each trick fools in the simulated population: what measurement must recover. */
export const TRUE_RATES: Record<Trick, number> = {
  brand_in_front: 0.45,
  tld_swap: 0.3,
  homoglyph: 0.6,
  typo: 0.25,
  hosting_platform: 0.5,
  fake_message: 0.2,
  fake_account: 0.35,
  phone_call: 0.1,
};

/** A deterministic UUID v4 from a seeded generator, so the draws repeat run after run. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (Math.floor(random() * 4) + 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * `takers` users take the published quiz of a jurisdiction through the service, each fooled by a
 * question with its trick's true rate (seeded). With an offer experiment, only users the hash offers
 * take it, 70% of them; the others are listed too (they are warned later but never took it).
 */
export async function simulateTakers(
  education: EducationService,
  options: { jurisdiction: string; takers: number; seed: string; offer?: QuizOffer },
): Promise<{ userRef: string; tookQuiz: boolean }[]> {
  const random = seededRandom(options.seed);
  const quiz = await education.getQuiz(options.jurisdiction);
  const bank = quiz?.versions.find((v) => v.state === 'published')?.spec.questions ?? [];
  const users: { userRef: string; tookQuiz: boolean }[] = [];
  let taken = 0;
  for (let u = 0; taken < options.takers; u += 1) {
    const userRef = `sim-user-${u}`;
    const offered = options.offer ? offeredQuiz(options.offer, userRef) : true;
    const takes = offered && (!options.offer || random() < 0.7);
    users.push({ userRef, tookQuiz: takes });
    if (!takes) continue;
    taken += 1;
    const invitation = await education.invite(options.jurisdiction, userRef);
    const attempt = await education.start({
      attemptId: seededUuid(random),
      jurisdiction: options.jurisdiction,
      locale: ['en', 'zh-Hant', 'zh-Hans', 'pt'][u % 4] ?? 'en',
      userToken: invitation.userToken ?? undefined,
    });
    for (const shown of attempt.questions) {
      const question = bank.find((q) => q.id === shown.id);
      if (!question) throw new Error(`question ${shown.id} is not in the bank`);
      const fooled = random() < TRUE_RATES[question.trick];
      const wrong = question.optionIds.filter((id) => id !== question.correct);
      const pick = fooled
        ? (wrong[Math.floor(random() * wrong.length)] ?? question.correct)
        : question.correct;
      await education.answer(attempt.attemptId, shown.id, pick);
    }
  }
  return users;
}
