import { MONTH_NAMES, WEEKDAY_NAMES } from '../knowledge/dates.js';
import { irregularBase, irregularForms } from '../lexicon/morphology.js';
import { foldText, words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { Extraction, ExtractionInput } from './extract.js';
import { capitalise } from './extract.js';
import { type Gap, PARTICLES, REFLEXIVE } from './gap.js';

/**
 * Where the phrase filling a gap ends: a clause's punctuation, or a word that opens another
 * clause or a verb's ("was", "said"). "and" does not: "Marks and Spencer shares", "a Grammy
 * and two Brit awards".
 */
const PHRASE_END = /^(?:who|which|that|where|when|whose|while|because|after|before|since|although|though|but|if|said|says|despite|as|until|amid|following|during|aged|is|was|are|were|has|have|had|will|would|can|could|may|might|should)$/;
/** A setting after the filler, a time or someone's place, is not part of it: "fraud in 2003", "4.75% on Thursday", "a stroke at his home". */
const SETTING_OPENER = /^(?:in|on|at|during|since|by|from|until|last|this|next)$/;
const SETTING_WORD = new RegExp(String.raw`^(?:his|her|their|\d{4}|${MONTH_NAMES}|${WEEKDAY_NAMES}|week|month|year|season|today|yesterday|tomorrow)$`, 'i');
/** The longest phrase taken as the filler, in words. */
const MAX_FILLER_WORDS = 12;
/** Words between the head and its preposition: "died of", "died suddenly of". */
const HEAD_TO_PARTICLE_WORDS = 1;
/** Words that point at something else rather than fill the gap ("called it", "bought them"). */
const POINTERS = new Set(['it', 'him', 'her', 'them', 'this', 'that', 'these', 'those', 'he', 'she', 'they', 'itself', 'himself', 'herself', 'themselves', 'there', 'here', 'one']);
/**
 * Words before the head that deny or doubt it ("did not die of a heart attack", "is thought
 * to have died of", "may have bought"): the filler is then no fact to answer with.
 */
const DENIED_OR_DOUBTED = /^(?:not|never|no|cannot|almost|nearly|thought|believed|understood|appears|appeared|seems|seemed|feared|fears|claims|claimed|reportedly|allegedly|alleged|suspected|may|might|could|would|possibly|probably|rumoured|rumored|if|whether|denies|denied)$|n['’]t$/i;
/** How far before the head a denial or doubt reaches: "no evidence that Reed had died of". */
const DOUBT_REACH = 6;
/** Forms of "be": before a participle a passive, whose object stands before the verb ("cocaine was seized"); before an "-ing", a verb ("is winning the title"). */
const BE = /^(?:is|are|was|were|be|been|being|'s|'re)$/i;
/** Words after which the head is a noun, not the verb asked about ("the star in the film", "his death"). */
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)$/i;

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words, figures with their separators and currency ("2,500", "£9.2bn", "$10m"), and punctuation. */
function tokensOf(text: string): Token[] {
  return [...text.matchAll(/[£$€¥]?\d[\d,.]*\d(?:[\p{L}%]+)?|[£$€¥]?\d[\p{L}%]*|[\p{L}][\p{L}\p{N}'’.&-]*|[,;:()"“”!?]/gu)].map((match) => {
    // A sentence's full stop or a list's comma is not part of the word before it.
    const raw = match[0].length > 1 ? match[0].replace(/[.,]$/, '') : match[0];
    return { word: raw, start: match.index ?? 0, end: (match.index ?? 0) + raw.length };
  });
}

const isWord = (token: Token | undefined): token is Token => token !== undefined && /^[£$€¥\p{L}\p{N}]/u.test(token.word);

/**
 * The phrase of a sentence that fills a "what" question's gap (gap.ts): the words after the
 * gap's head (and its preposition) up to the end of their clause. "…has died of congestive
 * heart failure aged 70" fills "what did he die of" with "congestive heart failure". Only
 * where the sentence states it of whom the question asks: not denied or doubted, not a
 * passive (its object stands before the verb), not someone else's ("his partner Ann Hill
 * died of a stroke"). A filler that only repeats the question's words, or only points
 * elsewhere ("it"), fills nothing.
 */
export function extractSlot(input: ExtractionInput): Extraction | undefined {
  const gap = input.question.gap;
  if (!gap) return undefined;
  const { text } = input.facts;
  const tokens = tokensOf(text);
  // The head as asked, in any inflection: "died", "won". Not its related words: "his death of a heart attack" is no verb.
  const heads = new Set([gap.head, ...irregularForms(gap.head)].map(stem));
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i]) || !heads.has(stem(foldText(tokens[i]!.word))) || !statedAsAsked(tokens, i, gap, input)) continue;
    const start = fillerStart(tokens, i, gap);
    if (start === undefined) continue;
    const filler = fillerFrom(tokens, start, text, input);
    if (filler) return { short: capitalise(filler), people: [] };
  }
  return undefined;
}

/** Whether the head at `at` states the deed asked of, as a fact, of whom the question asks. */
function statedAsAsked(tokens: Token[], at: number, gap: Gap, input: ExtractionInput): boolean {
  const before = tokens.slice(Math.max(0, at - DOUBT_REACH), at).map((token) => token.word.toLowerCase());
  if (before.some((word) => DENIED_OR_DOUBTED.test(word))) return false;
  const previous = before.at(-1) ?? '';
  if (DETERMINER.test(previous)) return false;
  if (gap.particle === undefined) {
    // "an incredible winning streak" describes a noun; "cocaine was seized by customs" has its object before the verb.
    if (/ing$/i.test(tokens[at]!.word) ? !BE.test(previous) : BE.test(previous) || BE.test(before.at(-2) ?? '')) return false;
  }
  return doerAsked(tokens[at]!.start, input);
}

/**
 * The name right before the head, with nothing but words between them, is its doer: when the
 * question names anyone, that name must be one it asks about. "Reed's duet partner Ann Hill
 * died of a stroke" says nothing of how Reed died; in "Merle Kilgore, co-writer of the hit
 * Ring of Fire, has died of…" the song stands behind a comma and is no doer.
 */
function doerAsked(headStart: number, input: ExtractionInput): boolean {
  const asksNames = [...input.questionStems].some((term) => input.isAskedName(term));
  if (!asksNames) return true;
  const before = input.facts.text.slice(0, headStart);
  // "His brother died of cancer", "whose father died of…": someone of his, not him.
  if (SOMEONE_ELSES.test(before)) return false;
  const nearest = input.facts.entities.filter((entity) => entity.end <= headStart).at(-1);
  if (nearest === undefined) return true;
  const between = input.facts.text.slice(nearest.end, headStart);
  // "Reed's wife, who nursed him for years, died of cancer": his wife did.
  if (/^['’]s\s+[a-z]/.test(between)) return false;
  if (/[,;:()"“”]/.test(between)) return true;
  return words(nearest.text).some((word) => input.isAskedName(stem(word)));
}

/** A possessive and its noun right before the head ("His brother died…", "her husband has won…", "whose father died…"): that noun is the doer. */
const SOMEONE_ELSES = /\b(?:his|her|their|whose)\s+[a-z]+(?:\s+(?:has|have|had|was|were|is|also|later|then))?\s+$/i;

/** Where the filler opens after the head at `at`: past its preposition, or past a reflexive ("called itself"). */
function fillerStart(tokens: Token[], at: number, gap: Gap): number | undefined {
  if (gap.particle === undefined) {
    const next = tokens[at + 1];
    const reflexive = isWord(next) && REFLEXIVE.test(next.word.toLowerCase());
    const start = reflexive ? at + 2 : at + 1;
    // "plays for FH Hafnarfjordur" does not say what he plays: an object follows its verb directly.
    const opening = tokens[start];
    return isWord(opening) && PARTICLES.has(opening.word.toLowerCase()) ? undefined : start;
  }
  for (let j = at + 1; j <= at + 1 + HEAD_TO_PARTICLE_WORDS && j < tokens.length; j++) {
    if (!isWord(tokens[j])) return undefined;
    if (tokens[j]!.word.toLowerCase() === gap.particle) return j + 1;
  }
  return undefined;
}

/**
 * The words from `start` to the end of their clause, at most MAX_FILLER_WORDS, short of a
 * time after them ("in 2003"); a name apposed after a comma goes with them when the
 * sentence ends there ("one of hip-hop's most influential labels, Def Jam."), not a speaker
 * ("a heart attack, Reuters reported").
 */
function fillerFrom(tokens: Token[], start: number, text: string, input: ExtractionInput): string | undefined {
  const opening = tokens[start];
  if (!isWord(opening) || PHRASE_END.test(opening.word.toLowerCase())) return undefined;
  let end = start + 1;
  while (end < tokens.length && end - start < MAX_FILLER_WORDS && isWord(tokens[end]) && !PHRASE_END.test(tokens[end]!.word.toLowerCase()) && !settingFollows(tokens, end) && !verbFollows(tokens, end)) end++;
  if (POINTERS.has(opening.word.toLowerCase()) && end - start === 1) return undefined;
  const phrase = tokens.slice(start, end);
  const news = phrase.filter((token) => {
    const word = foldText(token.word);
    return !STOPWORDS.has(word) && !POINTERS.has(word) && !input.questionStems.has(stem(word));
  });
  if (news.length === 0) return undefined;
  let last = phrase.at(-1)!.end;
  if (tokens[end]?.word === ',') {
    const apposed = input.facts.entities.find((entity) => entity.start > last && text.slice(last, entity.start).trim() === ',');
    if (apposed && /^\s*(?:[.!?]|$)/.test(text.slice(apposed.end))) last = apposed.end;
  }
  return text.slice(opening.start, last);
}

/** "…two Grammy awards and sold 12 million records": an "and" before a verb's past opens another clause ("Marks and Spencer" does not). */
function verbFollows(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1]?.word ?? '';
  return /^(?:and|or)$/i.test(tokens[at]!.word) && /^[a-z]/.test(next) && (/ed$/.test(next) || irregularBase(next) !== undefined || BE.test(next));
}

/** "in 2003", "on Thursday", "last week", "at his home": a setting opens at `at`. */
function settingFollows(tokens: Token[], at: number): boolean {
  return SETTING_OPENER.test(tokens[at]!.word.toLowerCase()) && SETTING_WORD.test(tokens[at + 1]?.word ?? '');
}
