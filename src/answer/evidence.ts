import { type ArticleKnowledge, type SentenceFacts, YEAR } from '../knowledge/article-knowledge.js';
import type { EntityMention } from '../knowledge/entities.js';
import type { SentenceHit, TermLookup } from '../knowledge/search-index.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { RELATED_WEIGHT, type QuestionTerms } from './question-terms.js';

/**
 * What speaks for one candidate answer, each as a number from 0 to 1. The scorer weighs
 * them into a confidence; `scripts/fit-scorer.ts` learns the weights from labelled questions.
 */
export interface Evidence {
  /** The passage's retrieval score over the best one's. */
  retrieval: number;
  /** The sentence's own BM25 score over the best sentence's. */
  sentenceMatch: number;
  /** Its article's BM25 score over the best article's. */
  articleMatch: number;
  /** Share of the question's weight in the sentence (related words count half), the paragraph and headline half again. */
  coverage: number;
  /** Share of the question's weight in the sentence, its own words only. */
  sentenceCoverage: number;
  /**
   * The same for the words that are not names: names pick the article, the other words pick
   * the sentence ("which album won…": "His album Egypt won…" need not repeat the name).
   */
  contentCoverage: number;
  /** Share of the question's names, numbers and years in the sentence (1 when it has none). */
  namesInSentence: number;
  /** The same in the sentence's paragraph and the headline. */
  namesNearby: number;
  /** A who/when/where/how-many question got that kind of answer from the passage. */
  typed: number;
  /** It asked for one and the passage holds none. */
  untyped: number;
  /** The answer comes from the sentence next to the matching one. */
  neighbour: number;
  /** 1 for the best-ranked passage, 1/2 for the second… */
  rank: number;
  /** Share of the question's weight that no article knows. */
  unknownShare: number;
  /** Share of the ten best passages that come from this passage's article. */
  articleAgreement: number;
  /** Fewer than two of the question's words (of three or more) are in the passage. */
  fewWords: number;
  /** The passage is an attributed claim. */
  claim: number;
  /** What kind of question it is: each kind has its own base rate of being answerable. */
  askedWho: number;
  askedWhen: number;
  askedWhere: number;
  askedHowMany: number;
  askedWhy: number;
  askedYesNo: number;
  /** How many words the question has, over ten (long questions are paraphrased more). */
  length: number;
  /** Share of the question's word pairs ("profit share", "bass player") that stand together in the sentence. */
  phrases: number;
  /** How close the typed answer stands to the question's words in the sentence (1: next to them). */
  proximity: number;
  /** Share of the sentence's words that are the question's: a focused sentence, not a long list. */
  density: number;
  /** The sentence opens its article: news puts the main facts first. */
  lede: number;
  /** Share of the other candidates that give the same short answer (redundancy: AskMSR). */
  agreement: number;
  /** The passage is from the article the chat is discussing: a follow-up is about it. */
  inContext: number;
  /**
   * Coverage with each question word weighed by how rare it is among its article's
   * sentences: the article's topic ("Snow Patrol") is in many of them, the asked-for detail
   * ("formed", "illness") in few, and that is what picks the sentence within the article.
   */
  localCoverage: number;
  /**
   * Share of the question's weight found anywhere in the passage's article. A heavy word
   * the whole article lacks ("who won the football…" asked of a letter about human rights)
   * says the article doesn't hold the answer, however well one sentence matches the rest.
   */
  articleCoverage: number;
  /** The typed answer is of the kind asked for (Extraction.fits). */
  answerFits: number;
  /** The extractor fell back to another kind of answer than the one asked for. */
  answerClashes: number;
  /** A yes/no question that the passage answers yes (yes-no.ts; set by candidatesFrom). */
  saysYes: number;
  /** …or no. */
  saysNo: number;
  /** Share of the question's words (not names) a yes or a no went without (yes-no.ts). */
  verdictGap: number;
  /**
   * The passage names an instance of what a "which X" question asks for ("Charlton
   * midfielder Graham Stuart" for "which Charlton midfielder…"), and the answer is that name
   * (or, for an answer that is the passage, it holds one). See focus.ts.
   */
  focusApposed: number;
  /** The question reached its subject through a pronoun the engine took to mean someone ("what's his wife called?"): a guess. */
  pronounGuessed: number;
  /** A "who <verb>…" question whose verb (or a related word) the sentence lacks: its name did something else. */
  verbMissing: number;
  /**
   * A "why" question answered from a sentence that states a cause or a purpose ("after
   * testing positive", "for personal reasons", "because…"): a why has no typed phrase, and
   * this is its kind of answer.
   */
  causeStated: number;
}

export const EVIDENCE_NAMES = [
  'retrieval', 'sentenceMatch', 'articleMatch', 'coverage', 'sentenceCoverage', 'contentCoverage', 'namesInSentence', 'namesNearby',
  'typed', 'untyped', 'neighbour', 'rank', 'unknownShare', 'articleAgreement', 'fewWords', 'claim',
  'askedWho', 'askedWhen', 'askedWhere', 'askedHowMany', 'askedWhy', 'askedYesNo', 'length', 'phrases', 'proximity', 'density', 'lede', 'agreement', 'inContext', 'localCoverage', 'articleCoverage', 'answerFits', 'answerClashes',
  'saysYes', 'saysNo', 'verdictGap', 'focusApposed', 'pronounGuessed', 'verbMissing', 'causeStated',
] as const satisfies readonly (keyof Evidence)[];

/** The facts of a hit that evidence is computed from. */
export interface EvidenceInput {
  hit: SentenceHit;
  facts: SentenceFacts;
  rank: number;
  bestScore: number;
  topHits: SentenceHit[];
  questionType: string;
  typedQuestion: boolean;
  typed: boolean;
  /** The typed answer's text, when there is one. */
  answerText?: string;
  /** Whether the typed answer is of the kind asked for, when the extractor can tell. */
  answerFits?: boolean;
  /** The article the chat is discussing, if any. */
  contextArticleId?: string;
  /** The question's pronoun was taken to mean a name from the chat (ParsedQuestion.pronounReferent). */
  pronounGuessed?: boolean;
  /** The stem of the verb a "who <verb>…" question asks about, if it has one. */
  askedVerb?: string;
  neighbour: boolean;
  /** Names the sentence gives as instances of the question's focus (focus.ts). */
  focusInstances: EntityMention[];
}

export function evidenceFor(input: EvidenceInput, terms: QuestionTerms, nearby: Set<string>, rarity: Map<string, number>): Evidence {
  const { hit, facts } = input;
  const sentence = new Set(facts.terms);
  const { coverage, sentenceCoverage, contentCoverage, matched } = coverageOf(sentence, nearby, terms);
  const names = [...terms.names];
  const has = (set: Set<string>, name: string): boolean => set.has(name) || (terms.alternatives.get(name) ?? []).some((other) => set.has(other));
  const share = (set: Set<string>): number => (names.length === 0 ? 1 : names.filter((name) => has(set, name)).length / names.length);
  const sameArticle = input.topHits.filter((other) => other.articleSlot === hit.articleSlot).length;
  return {
    retrieval: input.bestScore > 0 ? hit.score / input.bestScore : 0,
    sentenceMatch: hit.sentenceScore,
    articleMatch: hit.articleScore,
    coverage,
    sentenceCoverage,
    contentCoverage,
    namesInSentence: share(sentence),
    namesNearby: share(new Set([...sentence, ...nearby])),
    typed: input.typedQuestion && input.typed ? 1 : 0,
    untyped: input.typedQuestion && !input.typed ? 1 : 0,
    neighbour: input.neighbour ? 1 : 0,
    rank: 1 / (1 + input.rank),
    unknownShare: terms.unknownShare,
    articleAgreement: sameArticle / Math.max(1, input.topHits.length),
    fewWords: terms.weights.size >= 3 && matched < 2 ? 1 : 0,
    claim: facts.claim ? 1 : 0,
    askedWho: input.questionType === 'who' ? 1 : 0,
    askedWhen: input.questionType === 'when' ? 1 : 0,
    askedWhere: input.questionType === 'where' ? 1 : 0,
    askedHowMany: input.questionType === 'howMany' ? 1 : 0,
    askedWhy: input.questionType === 'why' ? 1 : 0,
    askedYesNo: input.questionType === 'yesNo' ? 1 : 0,
    length: Math.min(1, terms.weights.size / 10),
    phrases: phraseShare(facts.terms, terms),
    proximity: input.answerText ? proximity(facts, input.answerText, terms) : 0,
    density: facts.terms.length === 0 ? 0 : facts.terms.filter((term) => terms.anchorStems.has(term)).length / facts.terms.length,
    lede: facts.position === 0 ? 1 : 0,
    // Known once every candidate is made: see withAgreement.
    agreement: 0,
    inContext: input.contextArticleId !== undefined && hit.sentence.knowledge.article.id === input.contextArticleId ? 1 : 0,
    localCoverage: weightedShare(sentence, terms, rarity),
    articleCoverage: weightedShare(hit.articleTerms, terms),
    answerFits: input.answerFits === true ? 1 : 0,
    answerClashes: input.answerFits === false ? 1 : 0,
    // Known once the passage is read for a yes or a no: see candidatesFrom.
    saysYes: 0,
    saysNo: 0,
    verdictGap: 0,
    focusApposed: focusApposed(input.focusInstances, input.answerText),
    pronounGuessed: input.pronounGuessed ? 1 : 0,
    verbMissing: input.askedVerb !== undefined && matchShare(sentence, input.askedVerb, terms) === 0 ? 1 : 0,
    causeStated: input.questionType === 'why' && input.typed ? 1 : 0,
  };
}

function focusApposed(instances: EntityMention[], answer: string | undefined): number {
  if (instances.length === 0) return 0;
  if (answer === undefined) return 1;
  const name = answer.split(', ')[0]!;
  return instances.some((entity) => name.includes(entity.text) || entity.text.includes(name)) ? 1 : 0;
}

/**
 * How much of the question's weight a sentence holds: with related words at half and the
 * paragraph's words at a quarter (coverage), its own words only (sentenceCoverage), and the
 * words that are not names (contentCoverage); and how many question words it matches.
 */
function coverageOf(sentence: Set<string>, nearby: Set<string>, terms: QuestionTerms): { coverage: number; sentenceCoverage: number; contentCoverage: number; matched: number } {
  let total = 0;
  let found = 0;
  let own = 0;
  let matched = 0;
  let contentTotal = 0;
  let contentFound = 0;
  for (const [term, weight] of terms.weights) {
    total += weight;
    const alternatives = terms.alternatives.get(term) ?? [];
    const isContent = !terms.names.has(term);
    if (isContent) contentTotal += weight;
    let share = 0;
    if (sentence.has(term)) share = 1;
    else if (alternatives.some((other) => sentence.has(other))) share = RELATED_WEIGHT;
    else if (nearby.has(term) || alternatives.some((other) => nearby.has(other))) share = 0.5 * RELATED_WEIGHT;
    if (share === 0) continue;
    found += weight * share;
    if (share === 1) own += weight;
    // The paragraph doesn't count for content: the sentence itself must say it.
    if (isContent && share >= RELATED_WEIGHT) contentFound += weight * share;
    matched += 1;
  }
  return {
    coverage: total === 0 ? 0 : found / total,
    sentenceCoverage: total === 0 ? 0 : own / total,
    contentCoverage: contentTotal === 0 ? 1 : contentFound / contentTotal,
    matched,
  };
}

/** How much of one sentence's match a question word is: its own word counts whole, a related word half. */
export function matchShare(sentence: TermLookup, term: string, terms: QuestionTerms): number {
  if (sentence.has(term)) return 1;
  return (terms.alternatives.get(term) ?? []).some((other) => sentence.has(other)) ? RELATED_WEIGHT : 0;
}

/**
 * Each question word's rarity among an article's sentences, log(1 + sentences / sentences
 * holding it): an inverse document frequency within the article. Words the article lacks
 * are left out: they cannot tell its sentences apart.
 */
export function articleRarity(knowledge: ArticleKnowledge, terms: QuestionTerms): Map<string, number> {
  const rarity = new Map<string, number>();
  const sentences = knowledge.sentences.map((facts) => new Set(facts.terms));
  for (const term of terms.weights.keys()) {
    const holding = sentences.filter((sentence) => matchShare(sentence, term, terms) > 0).length;
    if (holding > 0) rarity.set(term, Math.log(1 + sentences.length / holding));
  }
  return rarity;
}

/**
 * Share of `weights` (the question's own, or its words' rarity in an article) that a set of
 * terms holds, related words at RELATED_WEIGHT.
 */
export function weightedShare(termSet: TermLookup, terms: QuestionTerms, weights: Map<string, number> = terms.weights): number {
  let total = 0;
  let found = 0;
  for (const [term, weight] of weights) {
    total += weight;
    found += weight * matchShare(termSet, term, terms);
  }
  return total === 0 ? 0 : found / total;
}

/** A paragraph's terms with its article's headline and tags, and the years its dates resolve to. */
export function paragraphTerms(knowledge: ArticleKnowledge, paragraph: number): Set<string> {
  const sentences = knowledge.sentences.filter((sentence) => sentence.paragraph === paragraph);
  return new Set([
    ...knowledge.titleTerms,
    ...knowledge.tagTerms,
    ...sentences.flatMap((sentence) => sentence.terms),
    ...sentences.flatMap((sentence) => sentence.dates.flatMap((date) => date.value.match(YEAR) ?? [])),
  ]);
}

/** Share of consecutive question stems that are consecutive in the sentence too. */
function phraseShare(sentenceTerms: string[], terms: QuestionTerms): number {
  const stems = [...terms.stems];
  if (stems.length < 2) return 0;
  const pairs = new Set(sentenceTerms.slice(1).map((term, i) => `${sentenceTerms[i]} ${term}`));
  let found = 0;
  for (let i = 1; i < stems.length; i++) if (pairs.has(`${stems[i - 1]} ${stems[i]}`)) found += 1;
  return found / (stems.length - 1);
}

/** Characters between the answer and the nearest question word, as a closeness from 0 to 1. */
const NEAR_CHARS = 40;
function proximity(facts: SentenceFacts, answer: string, terms: QuestionTerms): number {
  // The answer as the sentence writes it: "Sabina Aliyeva, the Commissioner…" adds a role
  // that may stand elsewhere, and the words past the name are not part of the answer.
  const span = answer.split(', ')[0] ?? answer;
  // Extractors capitalise their answer ("Nearly 4,000"): find it in any case.
  const at = facts.text.toLowerCase().indexOf((span.split(/[ ,(]/)[0] ?? span).toLowerCase());
  if (at < 0) return 0;
  let nearest = Infinity;
  for (const match of facts.text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const offset = match.index ?? 0;
    if (offset >= at && offset < at + span.length) continue;
    if (terms.anchorStems.has(stem(words(match[0])[0] ?? ''))) nearest = Math.min(nearest, Math.abs(offset - at));
  }
  return nearest === Infinity ? 0 : NEAR_CHARS / (NEAR_CHARS + nearest);
}
