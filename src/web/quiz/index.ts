import { CaveatQuiz } from './caveat-quiz.js';

// Defining twice throws; a page that loads the script twice must not break.
if (!customElements.get('caveat-quiz')) customElements.define('caveat-quiz', CaveatQuiz);

export { CaveatQuiz };
