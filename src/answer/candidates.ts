import { type ArticleKnowledge, isYear, type SentenceFacts } from '../knowledge/article-knowledge.js';
import { formatDate } from '../knowledge/dates.js';
import type { EntityMention } from '../knowledge/entities.js';
import type { SentenceHit, TermLookup } from '../knowledge/search-index.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { apposedToFocus } from './focus.js';
import { articleRarity, type Evidence, evidenceFor, paragraphTerms } from './evidence.js';
import { type Extraction, type ExtractionInput, extractHowMany, extractWhen, extractWhere, extractWho, extractWhy } from './extract.js';
import { fullName, openingReferent, withReferent as referredTo } from './coreference.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { readYesNo, type YesNoReading } from './yes-no.js';
import { extractSlot } from './slot.js';
import { roleVerdict } from './role-verdict.js';
import { relatedStemsOf } from './roles.js';

/** How many of the best passages become candidate answers. */
const MAX_CANDIDATES = 15;
/** Passages whose article agreement is counted over. */
const AGREEMENT_WINDOW = 10;
/** Question types whose answer is a phrase of a kind (a name, a date, a place, a number). */
const TYPED = new Set(['who', 'when', 'where', 'howMany']);

/** One possible answer: the passage, the phrase taken from it, and what speaks for it. */
export interface Candidate {
  hit: SentenceHit;
  /** The sentence the answer is taken from (the hit's, or its neighbour's). */
  facts: SentenceFacts;
  extraction?: Extraction;
  evidence: Evidence;
  /** For a yes/no question: what the passage says to it. */
  yesNo?: YesNoReading;
}

/**
 * Candidates from the best passages: each passage whose article holds every name the
 * question depends on, with the typed phrase from it or, failing that, from a neighbour.
 */
export function candidatesFrom(hits: SentenceHit[], question: ParsedQuestion, terms: QuestionTerms, isPlaceName: (name: string) => boolean, contextArticleId?: string): Candidate[] {
  const typedQuestion = TYPED.has(question.type);
  const topHits = hits.slice(0, AGREEMENT_WINDOW);
  const bestScore = hits[0]?.score ?? 0;
  // What several candidates of one article or sentence share is worked out once.
  const nearbyOf = memoized((knowledge: ArticleKnowledge, paragraph: number) => paragraphTerms(knowledge, paragraph), (knowledge, paragraph) => `${knowledge.article.id}#${paragraph}`);
  const rarityOf = memoized((knowledge: ArticleKnowledge) => articleRarity(knowledge, terms));
  const instancesIn = memoized((facts: SentenceFacts) => apposedToFocus(facts, terms));
  const byRoleIn = memoized((knowledge: ArticleKnowledge) => roleVerdict(question, knowledge, terms));
  const askedVerb = askedVerbOf(question, terms);
  const withReferent = memoized((facts: SentenceFacts, knowledge: ArticleKnowledge) => referredTo(facts, knowledge));
  const candidates: Candidate[] = [];
  // Names are not optional: an article that lacks one is about something else.
  const eligible = hits.filter((hit) => holdsNames(hit.articleTerms, terms));
  eligible.slice(0, MAX_CANDIDATES).forEach((hit, rank) => {
    const { facts, knowledge } = hit.sentence;
    const add = (answerFacts: SentenceFacts, extraction: Extraction | undefined, neighbour: boolean): void => {
      const input = { hit, facts: answerFacts, rank, bestScore, topHits, questionType: question.type, typedQuestion, typed: extraction !== undefined, neighbour, focusInstances: instancesIn(answerFacts), ...(extraction ? { answerText: extraction.short, ...(extraction.fits === undefined ? {} : { answerFits: extraction.fits }) } : {}), ...(contextArticleId ? { contextArticleId } : {}), pronounGuessed: question.pronounReferent !== undefined, ...(askedVerb ? { askedVerb } : {}) };
      const readFacts = withReferent(answerFacts, knowledge);
      const evidence = evidenceFor({ ...input, facts: readFacts }, terms, nearbyOf(knowledge, facts.paragraph), rarityOf(knowledge));
      const yesNo = question.type === 'yesNo' ? readYesNo(question, { evidence, facts: readFacts }, terms, byRoleIn(knowledge)) : undefined;
      if (yesNo) Object.assign(evidence, verdictEvidence(yesNo));
      candidates.push({ hit, facts: answerFacts, ...(extraction ? { extraction } : {}), evidence, ...(yesNo ? { yesNo } : {}) });
    };
    const extraction = extractFrom(question, facts, knowledge, terms, instancesIn(facts), isPlaceName, () => rarityOf(knowledge));
    add(facts, extraction, false);
    if (extraction || !typedQuestion) return;
    // The date or name is often in the sentence next to the one that matches the words.
    for (const neighbour of [knowledge.sentences[facts.position + 1], knowledge.sentences[facts.position - 1]]) {
      if (!neighbour || neighbour.paragraph !== facts.paragraph) continue;
      const fromNeighbour = extractFrom(question, neighbour, knowledge, terms, instancesIn(neighbour), isPlaceName, () => rarityOf(knowledge));
      if (fromNeighbour) {
        add(neighbour, fromNeighbour, true);
        return;
      }
    }
  });
  return withAgreement(candidates);
}

/** "who dropped Mido…", "who founded…": the word after "who", when it is one of the question's own content words (not "is", not a name). */
function askedVerbOf(question: ParsedQuestion, terms: QuestionTerms): string | undefined {
  const word = /^(?:(?:and|so) )?who (\w+)/.exec(question.folded)?.[1];
  if (!word) return undefined;
  const term = stem(word);
  return terms.weights.has(term) && !terms.names.has(term) ? term : undefined;
}

/**
 * How a yes/no verdict was reached, as evidence: a yes that misses a word is less sure than
 * one that holds them all. Yes and no are two flags, so that "the article doesn't say" (neither)
 * ranks apart from both. Set after evidenceFor: the verdict reads the coverage it computes.
 */
function verdictEvidence(reading: YesNoReading): Pick<Evidence, 'saysYes' | 'saysNo' | 'verdictGap'> {
  return { saysYes: reading.verdict === 'yes' ? 1 : 0, saysNo: reading.verdict === 'no' ? 1 : 0, verdictGap: reading.verdict === 'unknown' ? 0 : reading.missing };
}

/** `compute`, remembering each result by `keyOf` of its arguments (the first one by default). */
function memoized<A extends unknown[], V>(compute: (...args: A) => V, keyOf: (...args: A) => unknown = (...args) => args[0]): (...args: A) => V {
  const cache = new Map<unknown, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (!cache.has(key)) cache.set(key, compute(...args));
    return cache.get(key)!;
  };
}

/** Currency signs as words: "£5m" and "$5m" are different sums. */
const CURRENCY_WORDS: Record<string, string> = { '£': ' pounds ', $: ' dollars ', '€': ' euros ', '¥': ' yen ' };

/**
 * A candidate's answer as words, the same for "Bill Conti" and "bill conti": its typed phrase,
 * or for a passage the passage itself (so the same sentence in two articles agrees, in the
 * standing and in each candidate's agreement).
 */
export function answerKey(candidate: Pick<Candidate, 'extraction' | 'facts'>): string | undefined {
  // An answer of no Latin letters or digits has no words to compare: it agrees with nothing.
  // "$80m (£43m)" is the "$80m" another article gives: a conversion in brackets is no other answer.
  if (candidate.extraction) return words(candidate.extraction.short.replace(/\s*\([£$€¥\d][^)]*\)$/, '').replace(/[£$€¥]/g, (sign) => CURRENCY_WORDS[sign]!)).join(' ') || undefined;
  // The passage itself is the answer: the same sentence in two articles (a story and its update) is the same answer.
  const passage = words(candidate.facts.text);
  return passage.length > 0 ? `${PASSAGE_KEY}${passage.join('_')}` : undefined;
}

/** Opens the key of a passage answer: no word holds it, so a passage's key equals only the same passage's. */
const PASSAGE_KEY = '¶';

/** Whether two answer keys name the same thing: the same words, or one the end of the other ("conti", "bill conti"). */
export function sameAnswer(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a.startsWith(PASSAGE_KEY) || b.startsWith(PASSAGE_KEY)) return a === b;
  return a === b || ` ${a}`.endsWith(` ${b}`) || ` ${b}`.endsWith(` ${a}`);
}

/** Each candidate learns how many others give the same short answer. */
function withAgreement(candidates: Candidate[]): Candidate[] {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const answer = answerKey(candidate);
    if (answer) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  }
  const others = Math.max(1, candidates.length - 1);
  for (const candidate of candidates) {
    const answer = answerKey(candidate);
    candidate.evidence.agreement = answer ? ((counts.get(answer) ?? 1) - 1) / others : 0;
  }
  return candidates;
}

/** Whether a set of terms holds every name of the question, as written or as a related word ("UK" ~ "Britain"). */
export function holdsNames(termSet: TermLookup, terms: QuestionTerms): boolean {
  return [...terms.names].every((name) => termSet.has(name) || (terms.alternatives.get(name) ?? []).some((other) => termSet.has(other)));
}

/** Whether the article treats a name as a person's: a role it gives, or the surname alone elsewhere ("Tony Blair", then "Mr Blair"). */
function knownAsPerson(knowledge: ArticleKnowledge, name: string): boolean {
  if (knowledge.people.get(words(name).join(' '))?.role) return true;
  const surname = name.split(' ').pop()!;
  return knowledge.sentences.some((sentence) => sentence.entities.some((entity) => entity.kind === 'person' && entity.text === surname));
}

/**
 * A stem's weight as a question word in an article: how rare its question word is among the
 * article's sentences (articleRarity; a related word weighs as its question word), 0 when
 * it is not asked.
 */
function weightInArticle(terms: QuestionTerms, rarity: () => Map<string, number>): (term: string) => number {
  let byStem: Map<string, number> | undefined;
  return (term) => {
    if (!byStem) {
      byStem = new Map();
      for (const [asked, weight] of rarity()) {
        for (const stem of [asked, ...(terms.alternatives.get(asked) ?? [])]) if (!byStem.has(stem)) byStem.set(stem, weight);
      }
    }
    return byStem.get(term) ?? 0;
  };
}

/** Whether a stem is one of the question's names or years (or a word related to one); a figure ("per 100") is not. */
function askedName(terms: QuestionTerms): (term: string) => boolean {
  const named = [...terms.names].filter((name) => !/^\d+$/.test(name) || isYear(name));
  const stems = new Set(named.flatMap((name) => [name, ...(terms.alternatives.get(name) ?? [])]));
  for (const term of terms.stems) if (isYear(term)) stems.add(term);
  return (term) => stems.has(term);
}

/** The phrase of the kind the question asks for, from one sentence; `rarity`: articleRarity of its article. */
export function extractFrom(question: ParsedQuestion, facts: SentenceFacts, knowledge: ArticleKnowledge, terms: QuestionTerms, focusInstances: EntityMention[], isPlaceName: (name: string) => boolean, rarity: () => Map<string, number>): Extraction | undefined {
  const input: ExtractionInput = {
    facts,
    question,
    questionStems: terms.stems,
    anchorStems: terms.anchorStems,
    articleDate: knowledge.article.date,
    roleOf: (name) => knowledge.people.get(words(name).join(' '))?.role,
    fullNameOf: (name) => fullName(knowledge, name),
    openingReferent: () => openingReferent(facts, knowledge),
    knownAsPerson: (name) => knownAsPerson(knowledge, name),
    isPlaceName,
    focusInstances,
    writtenAsName: (word) => knowledge.sentences.some((sentence) => sentence.entities.some((entity) => entity.start > 0 && entity.text.split(' ').includes(word))),
    relatedStems: relatedStemsOf(terms),
    termWeight: weightInArticle(terms, rarity),
    isAskedName: askedName(terms),
  };
  switch (question.type) {
    case 'who':
      return extractWho(input);
    case 'when':
      return extractWhen(input) ?? undatedEvent(facts, knowledge);
    case 'where':
      return extractWhere(input) ?? (knowledge.article.dateline && facts.position < 2 ? { short: knowledge.article.dateline, people: [] } : undefined);
    case 'howMany':
      return extractHowMany(input);
    case 'why':
      return extractWhy(input);
    case 'what':
      return extractSlot(input);
    default:
      return undefined;
  }
}

/** A time the date reader doesn't resolve to a day: "in October", "on Monday", "next year". */
const TIME_WORDS = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|tonight|week|month|year|season|century|decade|spring|summer|autumn|winter|\d{4})\b/i;

/**
 * The lede tells the news of the article's date: when it names no time at all, that date is
 * when it happened. A lede that names one ("returns in October") is not answered this way.
 */
function undatedEvent(facts: SentenceFacts, knowledge: ArticleKnowledge): Extraction | undefined {
  if (facts.position > 1 || !knowledge.article.date || TIME_WORDS.test(facts.text)) return undefined;
  return { short: `${formatDate(knowledge.article.date)}, the date of the report (it gives no other date)`, people: [] };
}
