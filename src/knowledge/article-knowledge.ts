import type { Article } from '../content/article.js';
import { words } from '../text/normalize.js';
import { splitParagraphs } from '../text/sentences.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import { type Claim, detectClaim } from './claims.js';
import { type DateMention, extractDates } from './dates.js';
import { type EntityMention, extractEntities } from './entities.js';
import { type Quantity, extractQuantities } from './quantities.js';
import { longFormIn } from './long-forms.js';

export interface SentenceFacts {
  text: string;
  /** Position in the article (0 = lede). */
  position: number;
  /** Paragraph number within the article. */
  paragraph: number;
  /** Index terms: stems of the words that are not stopwords, in order. */
  terms: string[];
  entities: EntityMention[];
  dates: DateMention[];
  quantities: Quantity[];
  claim?: Claim;
}

export interface PersonFact {
  name: string;
  kind: EntityMention['kind'];
  role?: string;
  /** The sentence that names the role, or the first mention. */
  position: number;
}

/** Everything the answerer needs about one article, computed once when it loads. */
export interface ArticleKnowledge {
  article: Article;
  sentences: SentenceFacts[];
  /** People and organisations by folded name, with the role the article gives them. */
  people: Map<string, PersonFact>;
  titleTerms: string[];
  tagTerms: string[];
  /** Every index term of the article: a name the question needs must be among them. */
  terms: Set<string>;
}

export function indexTerms(text: string): string[] {
  return words(text)
    .filter((word) => !STOPWORDS.has(word))
    .map(stem);
}

/** A sentence about whoever the one before was about: "He went on to accuse Mr Brown…" is not about Mr Brown. */
const OPENS_WITH_PRONOUN = /^["“]?(?:(?:But|And|Now|Then|Later|Earlier|However,?)\s+)?(?:He|She|They|It)\b/;

/** How far into a sentence its subject may be named: "But Wenger's Bayern counterpart Felix Magath". */
const SUBJECT_REACH = 60;
/** How far after a quote its speaker may be named: '…," Dr Houck explained'. */
const QUOTE_SPEAKER_REACH = 20;

/**
 * The person a sentence is about: the speaker named after its quote ('…," Dr Houck
 * explained'), else the first person it names in its first clause, not as an owner
 * ("Wenger's Bayern counterpart Felix Magath" is about Magath), not after a preposition and
 * not in a later clause ("…since 1988, when Jonathan Davies was in the side"); none when a
 * pronoun opens it, or a quote with no speaker after it.
 */
function subjectPerson(text: string, entities: EntityMention[]): string | undefined {
  if (OPENS_WITH_PRONOUN.test(text)) return undefined;
  const named = (entity: EntityMention): boolean => entity.kind === 'person' && !/['’]s\b/.test(entity.text) && !/^['’]/.test(text.slice(entity.end));
  // '…not everything needs to be tested," Dr Houck explained.': who a quote is by, not whom it names.
  const closed = Math.max(text.lastIndexOf('"'), text.lastIndexOf('”'));
  const speaker = entities.find((entity) => named(entity) && entity.start > closed && entity.start - closed <= QUOTE_SPEAKER_REACH);
  if (closed >= 0 && speaker) return speaker.text;
  if (/^["“]/.test(text)) return undefined;
  const firstClause = Math.min(SUBJECT_REACH, ...[text.search(/[,;:]/)].filter((at) => at >= 0));
  // "The fine follows his remarks about referee Anders Frisk": a name after a preposition is no subject.
  const object = (entity: EntityMention): boolean => /\b(?:about|of|for|with|to|by|against|from|on|at|in|over|after|than)\s+(?:\S+\s+){0,3}$/i.test(text.slice(0, entity.start));
  return entities.find((entity) => named(entity) && entity.end <= firstClause && !object(entity))?.text;
}

export function buildKnowledge(article: Article): ArticleKnowledge {
  const sentences: SentenceFacts[] = [];
  const people = new Map<string, PersonFact>();
  let lastSource: string | undefined;
  // The person the sentences since the last claim were about (subjectPerson): whom a "he said" means.
  let lastPerson: string | undefined;
  splitParagraphs(article.body).forEach((paragraph, paragraphIndex) => {
    for (const text of paragraph.sentences) {
      const position = sentences.length;
      const entities = extractEntities(text);
      const claim = detectClaim(text, lastSource, lastPerson);
      if (claim) lastSource = claim.source;
      lastPerson = claim ? undefined : (subjectPerson(text, entities) ?? lastPerson);
      const facts: SentenceFacts = {
        text,
        position,
        paragraph: paragraphIndex,
        terms: indexTerms(text),
        entities,
        dates: extractDates(text, article.date),
        quantities: extractQuantities(text),
      };
      if (claim) facts.claim = claim;
      sentences.push(facts);
    }
  });
  retypeNamesOfThings(sentences);
  linkAcronyms(sentences);
  for (const facts of sentences) rememberPeople(people, facts.entities, facts.position);
  resolveSurnames(sentences, people);
  const titleTerms = indexTerms(article.title);
  const tagTerms = article.tags.flatMap(indexTerms);
  return {
    article,
    sentences,
    people,
    titleTerms,
    tagTerms,
    terms: articleTerms(titleTerms, tagTerms, sentences),
  };
}

/** A year as dates write it: a name a question may depend on ("in 2004"). */
export const YEAR = /\b(1[89]|20)\d\d\b/g;
/** YEAR's digits as a pattern to build others from ("in 2003", "from 102 in 2003 to 81"). */
export const YEAR_DIGITS = '(?:1[89]|20)\\d\\d';
const WHOLE_YEAR = new RegExp(`^${YEAR_DIGITS}$`);

/** Whether a word is a year (YEAR's shape, alone). */
export function isYear(word: string): boolean {
  return WHOLE_YEAR.test(word);
}

/**
 * Every index term of an article, with the years its dates resolve to: "last year" in a
 * 2005 article is 2004. Added one by one, not spread from arrays: the archive rebuilds
 * this set for every article an answer decodes (~30 a question at 100,000 articles).
 */
export function articleTerms(titleTerms: string[], tagTerms: string[], sentences: SentenceFacts[]): Set<string> {
  const terms = new Set(titleTerms);
  for (const term of tagTerms) terms.add(term);
  for (const sentence of sentences) {
    for (const term of sentence.terms) terms.add(term);
    for (const date of sentence.dates) for (const year of date.value.match(YEAR) ?? []) terms.add(year);
  }
  return terms;
}

/** "Mobile Data Association (MDA)": an acronym in a parenthesis, its long form before it (long-forms.ts). */
const ACRONYM_IN_PARENTHESIS = /\((\p{Lu}{2,6})\)/gu;

/**
 * "The Mobile Data Association (MDA)…", then "the MDA's chairman Mike Short": a sentence that
 * writes one form gets the other's index terms, so "who chairs the Mobile Data Association"
 * finds the chairman's sentence and "what does TPS stand for" the name's.
 */
function linkAcronyms(sentences: SentenceFacts[]): void {
  const longForms = new Map<string, string[]>();
  for (const { text } of sentences) {
    for (const match of text.matchAll(ACRONYM_IN_PARENTHESIS)) {
      const acronym = match[1]!;
      const longForm = longFormIn(text, acronym);
      if (longForm) longForms.set(acronym, indexTerms(longForm));
    }
  }
  for (const [acronym, longTerms] of longForms) {
    const acronymTerm = stem(acronym.toLowerCase());
    const writesAcronym = new RegExp(`\\b${acronym}\\b`);
    for (const facts of sentences) {
      const has = new Set(facts.terms);
      const hasLong = longTerms.every((term) => has.has(term));
      if (writesAcronym.test(facts.text) && !hasLong) facts.terms.push(...longTerms.filter((term) => !has.has(term)));
      else if (hasLong && !has.has(acronymTerm)) facts.terms.push(acronymTerm);
    }
  }
}

/** What a body does right after its name with "the": "the Lib Dems said", "the Deutsche Boerse has". */
const VERB_AFTER_NAME = /^\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|did|does|do|said|says)\b/;
/** Nouns a name of a body stands before: "Vanity Fair magazine" ("Stone Roses album" is left alone). */
const BODY_AFTER_NAME = /^\s+(?:magazine|newspaper|paper|company|firm|group|band|bank|exchange|agency|channel|network|website|airline|carrier|club|team|party|chain|retailer|studio|label|index)\b/;

/**
 * Nouns for a kind of body written right before its name: "the Basque newspaper Gara",
 * "property firm Quinlan Private". They don't describe a person, so a name shaped like a
 * person's after them is the body's, unless a clause about the body opens there ("the
 * company Bill Gates founded").
 */
const ONLY_BODY_BEFORE = String.raw`company|firm|bank|airline|carrier|chain|retailer|insurer|lender|charity|supermarket|carmaker|consortium|conglomerate|newspaper|magazine|website|agency`;
const ONLY_BODY_BEFORE_NAME = new RegExp(String.raw`\b(?:${ONLY_BODY_BEFORE})\s+$`, 'i');
const THE_BODY_BEFORE_NAME = new RegExp(String.raw`\bthe\s+(?:${ONLY_BODY_BEFORE})\s+$`, 'i');
/**
 * …and these describe people as often ("broadcaster David Frost", "after he left the band
 * Robbie Williams sold…"): only a name of no known kind after them is a body's ("rap group Tru").
 */
const BODY_BEFORE_NAME = new RegExp(String.raw`\b(?:${ONLY_BODY_BEFORE}|group|band|label|broadcaster|publisher|club|studio|channel|network|paper)\s+$`, 'i');

/**
 * Names shaped like a person's that the article shows are something else: it writes "the
 * Deutsche Boerse has…" or "the Lib Dems said" (people don't take "the"), "Vanity Fair
 * magazine" or "property firm Quinlan Private". Every mention of such a name becomes a
 * body: "who is the boss of the LSE" must not be answered "Deutsche Boerse". A name the article gives a role or a title anywhere is
 * a person's whatever else it writes ("the George W Bush website", "the Reverend Adrian
 * Rodgers"), and so is one with a possessive inside ("the SNP's Nicola Sturgeon").
 */
function retypeNamesOfThings(sentences: SentenceFacts[]): void {
  const withRole = new Set(sentences.flatMap(({ entities }) => entities.filter((entity) => entity.role).map((entity) => entity.text)));
  const things = new Set<string>();
  for (const { text, entities } of sentences) {
    for (const entity of entities) {
      if (entity.kind !== 'person' || !entity.text.includes(' ') || withRole.has(entity.text) || /['’]s\b/.test(entity.text)) continue;
      const after = text.slice(entity.end);
      const afterThe = /\bthe\s+$/i.test(text.slice(Math.max(0, entity.start - 4), entity.start)) && VERB_AFTER_NAME.test(after);
      // "the company Bill Gates founded": a name the body's noun stands before with "the", then a verb, is who did something to it.
      const before = wordsBefore(text, entity);
      const namedBody = ONLY_BODY_BEFORE_NAME.test(before) && !(THE_BODY_BEFORE_NAME.test(before) && /^\s+[a-z]/.test(after));
      if (afterThe || BODY_AFTER_NAME.test(after) || namedBody) things.add(entity.text);
    }
  }
  // A name of no known kind after a body's noun ("the Basque newspaper Gara") is that body: "who got the warning?" may be answered with it.
  for (const { text, entities } of sentences) for (const entity of entities) if (entity.kind === 'other' && BODY_BEFORE_NAME.test(wordsBefore(text, entity))) things.add(entity.text);
  if (things.size === 0) return;
  for (const { entities } of sentences) for (const entity of entities) if ((entity.kind === 'person' || entity.kind === 'other') && things.has(entity.text)) entity.kind = 'org';
}

/** The few words before a name, where a noun describing it stands: read from there, not from the sentence's start, for every name of every article. */
const DESCRIBED_REACH = 40;
function wordsBefore(text: string, entity: EntityMention): string {
  return text.slice(Math.max(0, entity.start - DESCRIBED_REACH), entity.start);
}

function rememberPeople(people: Map<string, PersonFact>, entities: EntityMention[], position: number): void {
  for (const entity of entities) {
    if (entity.kind !== 'person' && entity.kind !== 'org') continue;
    const key = words(entity.text).join(' ');
    const known = people.get(key);
    if (!known) people.set(key, { name: entity.text, kind: entity.kind, role: entity.role, position });
    else if (!known.role && entity.role) Object.assign(known, { role: entity.role, position });
  }
}

/** "Callamard" alone later in a story is the "Agnès Callamard" named earlier. */
function resolveSurnames(sentences: SentenceFacts[], people: Map<string, PersonFact>): void {
  const bySurname = new Map<string, PersonFact>();
  for (const [key, person] of people) {
    if (person.kind === 'person') bySurname.set(key.split(' ').pop()!, person);
  }
  for (const sentence of sentences) {
    for (const entity of sentence.entities) {
      if (entity.kind !== 'other' || entity.text.includes(' ')) continue;
      const person = bySurname.get(words(entity.text).join(' '));
      if (person) {
        entity.kind = 'person';
        if (person.role) entity.role = person.role;
      }
    }
  }
}
