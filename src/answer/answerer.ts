import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';
import { isGazetteerPlace } from '../knowledge/gazetteer.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { createLexicon, type Lexicon } from '../lexicon/lexicon.js';
import type { Answer, AnswerContext } from './answer.js';
import { closestOf } from './closest.js';
import { claimsAnswer, filedFromAnswer, notFoundAnswer, publishedAnswer, summaryAnswer } from './article-answers.js';
import { answerKey, type Candidate, candidatesFrom, holdsNames, sameAnswer } from './candidates.js';
import { compose } from './compose.js';
import { focusBeforeVerb, futureOfGoingTo, measuredThing, typedByFocus } from './focus.js';
import { withGap } from './gap.js';
import { weightedShare } from './evidence.js';
import { PERSON_PRONOUN, pointsAtStory, resolveFollowUp } from './follow-up.js';
import { FILED_FROM, type ParsedQuestion, parseQuestion } from './question.js';
import { type QuestionTerms, questionTerms } from './question-terms.js';
import { retrieve } from './retrieve.js';
import { ANSWER_THRESHOLD, confidenceOf, rankScore, sigmoid, standingOf } from './scorer.js';
import { longFormAnswer } from './acronyms.js';
import { mentionAnswer } from './mentions.js';
import { articlesToRead, describing, peopleNamed, whoHolds, whoIs } from './who-is.js';

/** A country or city of the gazetteer, or a name the dictionary files as a place ("Chennai"). */
function isPlaceName(name: string, lexicon: Lexicon): boolean {
  return isGazetteerPlace(name) || lexicon.nounKind(name.toLowerCase()) === 'location';
}

/** "who published this", "which paper reported…": the publisher, not the date. */
const ASKS_PUBLISHER = /^(?:who|which|what)\b(?! (?:date|day)\b)/;
/** An article-level question ("what is this about") goes to another article only when one matches this well. */
const ARTICLE_SWITCH_CONFIDENCE = 0.5;
/** How much of a question that names nothing the chat's article must hold for the question to be about it. */
const CHAT_ARTICLE_COVERAGE = 0.6;

/**
 * The closest passage of an unsure best candidate, with the names in it for the next question
 * to refer to; and the next candidate's passage from another sentence, if it is worth showing too.
 */
function closestAnswer(ranked: ScoredCandidate[], terms: QuestionTerms): Pick<Answer, 'closest' | 'alsoClose' | 'people' | 'entities' | 'key'> | undefined {
  const best = ranked[0];
  const closest = best && closestOf(best.candidate, best.confidence, best.answer, terms);
  if (!best || !closest) return undefined;
  const next = ranked.find(({ candidate }) => candidate.facts.text !== best.candidate.facts.text);
  // Only the best candidate has a calibrated confidence: the next one shows when the best does and its own words qualify.
  const alsoClose = next && closestOf(next.candidate, best.confidence, next.answer, terms);
  return { closest, ...(alsoClose ? { alsoClose } : {}), people: best.answer.people, ...(best.answer.entities ? { entities: best.answer.entities } : {}), ...(best.answer.key ? { key: best.answer.key } : {}) };
}

/**
 * "who is the chief executive?" in a chat about UK Coal names nothing: it is about the
 * article under discussion when that article holds most of what it asks, and is searched
 * there as a follow-up is; a yes/no question that names nothing always is. A question that
 * names something, or that the article doesn't cover, stands alone.
 */
function aboutChatArticle(question: ParsedQuestion, terms: QuestionTerms, contextArticle: ArticleKnowledge | undefined): boolean {
  if (contextArticle === undefined || terms.names.size > 0 || terms.weights.size === 0) return false;
  // "was the ceo fired?" in a chat about Monsanto: a yes or no about some other company's CEO answers nothing.
  return question.type === 'yesNo' || weightedShare(contextArticle.terms, terms) >= CHAT_ARTICLE_COVERAGE;
}

/** A candidate answer with the scorer's confidence in it. */
export interface ScoredCandidate {
  candidate: Candidate;
  confidence: number;
  answer: Answer;
}

/**
 * Answers questions from the articles of a knowledge base, as a pipeline: question
 * analysis -> retrieval -> candidate answers with their evidence -> one learned scorer ->
 * the best candidate if its confidence clears ANSWER_THRESHOLD, else "couldn't find".
 * Stateless: a chat's context comes in with each question.
 */
export class Answerer {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly lexicon: Lexicon = createLexicon(),
  ) {}

  answer(text: string, context: AnswerContext = {}): Answer {
    // One state of the articles for the whole answer: another process may write to the archive meanwhile.
    return this.knowledge.reading(() => {
      const { question, terms, contextArticle, followUp, searchIn } = this.analyse(text, context);
      // "tell me about Sabina Aliyeva": her role, when an article gives one; else the summary.
      const articles = articlesToRead(terms, this.knowledge, contextArticle);
      const aboutSomeone = question.type === 'summary' && question.subject ? whoIs(question, terms, articles) : undefined;
      if (aboutSomeone) return aboutSomeone;
      const articleLevel = this.articleLevel(question, terms, contextArticle);
      if (articleLevel !== undefined) return articleLevel ?? notFoundAnswer(terms, contextArticle);
      if (terms.query.length === 0) return notFoundAnswer(terms, contextArticle);
      const readOffText = mentionAnswer(question, terms, this.knowledge, contextArticle) ?? longFormAnswer(question, terms, articles) ?? whoIs(question, terms, articles) ?? whoHolds(question, terms, articles);
      if (readOffText) return readOffText;
      const ranked = this.rank(describing(question, terms, this.lexicon), terms, searchIn, followUp, question.another ? context.answered : undefined);
      const best = ranked[0];
      const refused = !best || best.confidence < ANSWER_THRESHOLD;
      const closest = refused ? closestAnswer(ranked, terms) : undefined;
      // A refusal with no passage and no story yet still knows whom the question named: a chat's next "he" means them.
      const named = refused && !closest?.closest && !contextArticle ? { people: peopleNamed(terms, articles) } : {};
      const reply = refused ? { ...notFoundAnswer(terms, contextArticle, best?.confidence, closest), ...named } : best.answer;
      return question.another ? { ...reply, another: true } : reply;
    });
  }

  /** "who has taken his place?" as a chat's first question, naming no one nor a kind of person ("the prime minister… his plans"): its pronoun, a guess. */
  unresolvedPronoun(text: string, context: AnswerContext = {}): string | undefined {
    if (context.articleId || context.people?.length || context.entities?.length || !PERSON_PRONOUN.test(text.toLowerCase())) return undefined;
    const { question, terms } = this.analyse(text, context);
    const pronoun = PERSON_PRONOUN.exec(question.folded)?.[1];
    if (!pronoun || terms.names.size > 0) return undefined;
    return question.topicWords.some((word) => this.lexicon.nounKind(word) === 'person') ? undefined : pronoun;
  }

  /** Every candidate answer to a question, best first: what `npm run fit` learns from. */
  candidates(text: string, context: AnswerContext = {}): ScoredCandidate[] {
    const { question, terms, contextArticle, followUp, searchIn } = this.analyse(text, context);
    if (terms.query.length === 0 || this.articleLevel(question, terms, contextArticle) !== undefined) return [];
    return this.knowledge.reading(() => this.rank(describing(question, terms, this.lexicon), terms, searchIn, followUp, question.another ? context.answered : undefined));
  }

  /**
   * The question read, with what the chat knows: `contextArticle` is the article under
   * discussion, `followUp` whether the question leans on the previous one. A follow-up, and a
   * question that names nothing the chat's article doesn't cover, are searched in that
   * article alone (`searchIn`); any other question gets the answer it would get in a new chat.
   */
  private analyse(text: string, context: AnswerContext): { question: ParsedQuestion; terms: QuestionTerms; contextArticle: ArticleKnowledge | undefined; followUp: boolean; searchIn: ArticleKnowledge | undefined } {
    const contextArticle = context.articleId ? this.knowledge.get(context.articleId) : undefined;
    const { question: read, followUp: leans } = resolveFollowUp(parseQuestion(text, this.knowledge.index), context, contextArticle);
    const question = withGap(measuredThing(typedByFocus(focusBeforeVerb(futureOfGoingTo(read, this.lexicon), this.lexicon), this.lexicon), this.lexicon), this.lexicon);
    const terms = questionTerms(question.topicWords, this.knowledge, this.lexicon, { articleId: contextArticle?.article.id, withAntonyms: question.type === 'yesNo', ...(question.focus ? { focus: question.focus } : {}), ...(question.borrowedWords ? { borrowed: question.borrowedWords } : {}), folded: question.folded });
    // A pronoun points at the story only when the story holds the names asked and most of the rest.
    const followUp = leans || (pointsAtStory(read, context) && contextArticle !== undefined && holdsNames(contextArticle.terms, terms) && weightedShare(contextArticle.terms, terms) >= CHAT_ARTICLE_COVERAGE);
    const searchIn = followUp || aboutChatArticle(question, terms, contextArticle) ? contextArticle : undefined;
    return { question, terms, contextArticle, followUp, searchIn };
  }

  /**
   * Candidates best first by the ranker, from `searchIn` alone if given. The first carries
   * the calibrated confidence that it is right; the others carry their rank scores as
   * probabilities, for inspection only. Only a follow-up's candidates count as in the chat's
   * article: the same question asked twice gets the same answer. "Who else…" skips the
   * answers the chat was given (`given`).
   */
  private rank(question: ParsedQuestion, terms: QuestionTerms, searchIn: ArticleKnowledge | undefined, followUp = false, given: readonly string[] = []): ScoredCandidate[] {
    const ranked = candidatesFrom(retrieve(this.knowledge, terms, searchIn), question, terms, (name) => isPlaceName(name, this.lexicon), followUp ? searchIn?.article.id : undefined)
      .filter((candidate) => !given.some((key) => sameAnswer(key, answerKey(candidate))))
      .map((candidate) => ({ candidate, score: rankScore(candidate.evidence) }))
      .sort((a, b) => b.score - a.score);
    const standing = standingOf(ranked.map(({ candidate, score }) => ({ score, article: candidate.hit.sentence.knowledge.article.id, answer: answerKey(candidate) })));
    return ranked.map(({ candidate, score }, i) => {
      const confidence = i === 0 ? confidenceOf(candidate.evidence, standing) : sigmoid(score);
      return { candidate, confidence, answer: { ...compose(question, candidate, terms, confidence), key: answerKey(candidate) } };
    });
  }

  /**
   * Questions about an article as a whole; undefined when the question is not one (or asks
   * for a speaker's claims the article doesn't report: its passages may say), null when there
   * is no article.
   */
  private articleLevel(question: ParsedQuestion, terms: QuestionTerms, contextArticle: ArticleKnowledge | undefined): Answer | null | undefined {
    const answers: Partial<Record<ParsedQuestion['type'], (knowledge: ArticleKnowledge, terms: QuestionTerms) => Answer | undefined>> = {
      summary: summaryAnswer,
      published: (knowledge, terms) => publishedAnswer(knowledge, terms, { asksPublisher: ASKS_PUBLISHER.test(question.folded), topicWords: question.topicWords }),
      claims: (knowledge, terms) => claimsAnswer(knowledge, terms, question.speaker),
      ...(question.type === 'where' && FILED_FROM.test(question.folded) ? { where: filedFromAnswer } : {}),
    };
    const answerFor = answers[question.type];
    if (!answerFor) return undefined;
    // "What did Elon Musk say": a name no article knows means no article is about it.
    if ([...terms.names].some((name) => !this.knowledge.index.knows(name))) return null;
    const knowledge = this.pickArticle(question, terms, contextArticle);
    return knowledge ? answerFor(knowledge, terms) : null;
  }

  /**
   * The article a question is about: the best match (a chat leaves the article it discusses
   * only for a good one), else the one under discussion. Only a question that names nothing
   * ("what are the claims?") may mean the latest: "what did Ken Livingstone say about
   * Jarvis" is not about whatever came in last.
   */
  private pickArticle(question: ParsedQuestion, terms: QuestionTerms, contextArticle: ArticleKnowledge | undefined): ArticleKnowledge | undefined {
    if (terms.query.length === 0) return contextArticle ?? this.knowledge.latest(1)[0];
    const best = this.rank({ ...question, type: 'what' }, terms, undefined)[0];
    if (best && (!contextArticle || best.confidence >= ARTICLE_SWITCH_CONFIDENCE)) return best.candidate.hit.sentence.knowledge;
    return contextArticle && holdsNames(contextArticle.terms, terms) ? contextArticle : undefined;
  }
}
