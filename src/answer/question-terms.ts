import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QueryTerm } from '../knowledge/search-index.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';

/** A related word counts this much of the question's own word, in search and in coverage. */
export const RELATED_WEIGHT = 0.5;
/**
 * A word a follow-up borrows from the previous question ("who's his lawyer?" after "which
 * rapper filmed a video in jail") counts this much of one the reader just typed: the
 * borrowed words found the article, the new ones pick the sentence in it.
 */
const BORROWED_WEIGHT = 0.5;
/** Words of this length or less are never taken for names ("teh" is a typo, not a name). */
const SHORTEST_NAME = 3;
const COUNT_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
/**
 * Ordinals are numbers a passage must hold: "the second Karabakh war" is not the First.
 * "first" is left out: "when did it first…" uses it as an adverb.
 */
const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);

/** What the question asks about, as index terms, with what each weighs and may be matched by. */
export interface QuestionTerms {
  query: QueryTerm[];
  /** Stems of the question's own words (typos corrected). */
  stems: Set<string>;
  /** Those plus their related words' stems: where in a sentence the answer is near. */
  anchorStems: Set<string>;
  /** Related stems that also count as a match for a question stem. */
  alternatives: Map<string, string[]>;
  /** Each stem's weight in coverage; rare words weigh more. */
  weights: Map<string, number>;
  /**
   * Names, numbers and years the question depends on: a passage whose article lacks one
   * can't be about what was asked ("what did Elon Musk say…" when no article names him).
   */
  names: Set<string>;
  /** Share of the question's weight no article knows. */
  unknownShare: number;
  /** For yes/no questions: stems of words opposite to each question stem ("permanent" -> "temporari"). */
  antonyms: Map<string, string[]>;
  /** The words searched for, after typo correction: follow-ups reuse them. */
  words: string[];
  /** The stem of the question's focus ("defnder" corrected: "defend"), if it has one. */
  focusStem?: string;
}

/** Turns a question's topic words into weighted search terms, names and related words. */
export function questionTerms(topic: string[], knowledge: KnowledgeBase, lexicon: Lexicon, options: { articleId?: string; withAntonyms?: boolean; focus?: string; borrowed?: readonly string[]; folded?: string } = {}): QuestionTerms {
  const { articleId, withAntonyms = false } = options;
  const index = knowledge.index;
  const articleVocabulary = articleId ? knowledge.articleVocabulary(articleId) : undefined;
  const terms: QuestionTerms = { query: [], stems: new Set(), anchorStems: new Set(), alternatives: new Map(), weights: new Map(), names: new Set(), unknownShare: 0, antonyms: new Map(), words: [] };
  let unknownWeight = 0;
  const viaPhrase = options.folded ? phraseRelated(options.folded, topic, lexicon) : new Map<string, string[]>();
  for (const typed of joinSplitNames(topic, knowledge)) {
    const word = corrected(typed, knowledge, lexicon, articleVocabulary);
    // "bieng" was "being": a typo of a word that carries no topic.
    if (STOPWORDS.has(word)) continue;
    const term = stem(word);
    if (terms.weights.has(term)) continue;
    const known = index.knows(term);
    const phraseMeaning = new Set((viaPhrase.get(typed) ?? []).map(stem));
    const related = [...new Set([...lexicon.relatedWords(word).map(stem), ...index.relatedStems(term), ...phraseMeaning])].filter((other) => other !== term && index.knows(other));
    const share = options.borrowed?.includes(typed) ? BORROWED_WEIGHT : 1;
    const weight = share * (COUNT_WORDS.has(word) ? 0.5 : known ? Math.max(index.idf(term), 0.2) : related.length > 0 ? Math.max(...related.map((other) => index.idf(other))) : unknownWeightOf(word, index.maxIdf(), lexicon));
    if (!known && related.length === 0) unknownWeight += weight;
    if (isName(word, known, related.length > 0, knowledge, lexicon)) terms.names.add(term);
    // "which Manchester…": a name is not the kind of thing asked for.
    else if (typed === options.focus) terms.focusStem = term;
    terms.weights.set(term, weight);
    terms.alternatives.set(term, related);
    terms.stems.add(term);
    terms.words.push(word);
    if (withAntonyms && !terms.names.has(term)) terms.antonyms.set(term, lexicon.antonyms(word).map(stem));
    if (known) terms.query.push({ term, weight: share });
    // A related word supports the word it stands beside; it finds passages itself where the
    // word is in no article, or where it is what a phrase means ("step down": "resign").
    for (const other of related) terms.query.push({ term: other, weight: share * RELATED_WEIGHT, ...(known && !phraseMeaning.has(other) ? { supporting: true } : {}) });
  }
  terms.anchorStems = new Set([...terms.stems, ...[...terms.alternatives.values()].flat()]);
  const total = [...terms.weights.values()].reduce((sum, weight) => sum + weight, 0);
  terms.unknownShare = total === 0 ? 0 : unknownWeight / total;
  return terms;
}

/** Phrases are read up to this many words long: "get rid of". */
const LONGEST_PHRASE = 3;

/**
 * Words a phrase of the question stands for, given to the phrase's first topic word: "when
 * did he step down" -> "step" may also be "resign" or "quit"; "who set up Lionhead" -> "set"
 * may be "found" or "establish" (WordNet lists such phrases as one lemma).
 */
function phraseRelated(folded: string, topic: string[], lexicon: Lexicon): Map<string, string[]> {
  const all = words(folded);
  const found = new Map<string, string[]>();
  for (let start = 0; start < all.length - 1; start++) {
    for (let length = Math.min(LONGEST_PHRASE, all.length - start); length >= 2; length--) {
      const phrase = all.slice(start, start + length);
      const carrier = phrase.find((word) => !STOPWORDS.has(word) && topic.includes(word));
      if (!carrier) continue;
      const related = lexicon.phraseRelatedWords(phrase);
      if (related.length === 0) continue;
      found.set(carrier, [...(found.get(carrier) ?? []), ...related]);
      break;
    }
  }
  return found;
}

/**
 * A word no article has is as rare as a word can be: a real word ("league" asked of an
 * article about a letter) weighs as much as the rarest word, so a passage that lacks it
 * covers little of the question. A string the dictionary doesn't know either may be a typo
 * nobody could correct, and weighs half that.
 */
function unknownWeightOf(word: string, maxIdf: number, lexicon: Lexicon): number {
  return lexicon.knows(word) ? maxIdf : maxIdf * 0.5;
}

/** "cop 29" -> "cop29", "g 8" -> "g8": a word and a number the articles write as one. */
function joinSplitNames(topic: string[], knowledge: KnowledgeBase): string[] {
  const joined: string[] = [];
  for (let i = 0; i < topic.length; i++) {
    const [word, next] = [topic[i]!, topic[i + 1]];
    if (next !== undefined && /^[a-z]+$/.test(word) && /^\d+$/.test(next) && knowledge.index.knows(stem(word + next))) {
      joined.push(word + next);
      i += 1;
    } else joined.push(word);
  }
  return joined;
}

/**
 * A number, a word the articles write as a name, a name the dictionary knows that no article
 * has ("Japan" in a question about Azerbaijan), or a word nobody knows ("Elon").
 */
function isName(word: string, known: boolean, hasRelated: boolean, knowledge: KnowledgeBase, lexicon: Lexicon): boolean {
  if (/^\d/.test(word) || ORDINALS.has(word) || knowledge.vocabulary.isName(word)) return true;
  if (known) return false;
  return lexicon.isProperNoun(word) || (!hasRelated && word.length > SHORTEST_NAME && !lexicon.knows(word));
}

/**
 * A typo fixed towards the article in hand first, then all articles, then the dictionary
 * ("dissapeared" -> "disappear", a word no article has); a real word is left alone.
 */
function corrected(word: string, knowledge: KnowledgeBase, lexicon: Lexicon, articleVocabulary: ReturnType<KnowledgeBase['articleVocabulary']>): string {
  if (knowledge.index.knows(stem(word)) || lexicon.knows(word)) return word;
  const fix = articleVocabulary?.correct(word) ?? knowledge.vocabulary.correct(word);
  if (fix && (knowledge.index.knows(stem(fix)) || STOPWORDS.has(fix))) return fix;
  return lexicon.spelling(word) ?? word;
}
