import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { longFormIn } from '../knowledge/long-forms.js';
import type { Answer } from './answer.js';
import { articleAnswer } from './article-answers.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';

/** "what does tps stand for", "what is cop29 short for", "what is hsdpa an acronym for". */
export const STANDS_FOR = /^(?:what|wat|wht)\s+(?:does|do|did|is|was|s)\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+|initials\s+|letters\s+)?([a-z][a-z0-9&-]{1,9})\s+(?:stand(?:s)? for|short for|an acronym for|an abbreviation for)\b/;
/** The words of the question that ask for a long form rather than name what it is about. */
export const STANDS_FOR_WORDS = /\b(?:stands?|short|acronym|abbreviation|initials|letters)\b/g;

/** The short form a question asks to spell out, lower-case; undefined when it asks no such thing. */
export function shortFormAsked(folded: string): string | undefined {
  return STANDS_FOR.exec(folded)?.[1];
}

/**
 * "what does TPS stand for?" read off the text: the long form the best-matching article
 * writes beside it (knowledge/long-forms.ts), with the sentence that does. A definition the article writes out is a fact it
 * states, as a role is (who-is.ts), so the answer is certain; an article that only uses the
 * short form leaves the question to the passages.
 */
export function longFormAnswer(question: ParsedQuestion, terms: QuestionTerms, articles: () => ArticleKnowledge[]): Answer | undefined {
  const asked = shortFormAsked(question.folded);
  if (asked === undefined) return undefined;
  for (const article of articles()) {
    for (const sentence of article.sentences) {
      const longForm = longFormIn(sentence.text, asked);
      if (longForm) return { ...articleAnswer('what', article, longForm, terms), support: sentence.text };
    }
  }
  return undefined;
}
