import { foldText } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';
import type { Extraction, ExtractionInput } from './extract.js';
import { capitalise } from './extract.js';
import { type Gap, PARTICLES, REFLEXIVE } from './gap.js';

/** Where the phrase filling a gap ends: a clause's punctuation, or a word that opens another clause. */
const PHRASE_END = /^(?:who|which|that|where|when|whose|while|because|after|before|since|although|though|but|if|said|says|and|or|despite|as|until|amid|following|is|was|are|were|has|have|had|will|would|can|could|may|might|should)$/;
/** The longest phrase taken as the filler, in words. */
const MAX_FILLER_WORDS = 8;
/** Words between the head and its preposition: "died of", "died suddenly of". */
const HEAD_TO_PARTICLE_WORDS = 1;
/** Words that point at something else rather than fill the gap ("called it", "bought them"). */
const POINTERS = new Set(['it', 'him', 'her', 'them', 'this', 'that', 'these', 'those', 'he', 'she', 'they', 'itself', 'himself', 'herself', 'themselves', 'there', 'here', 'one']);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*|[,;:()"“”!?]|(?<=\p{L})\.(?=\s|$)/gu)].map((match) => {
    const raw = match[0].replace(/\.$/, '');
    return { word: raw, start: match.index ?? 0, end: (match.index ?? 0) + raw.length };
  });
}

const isWord = (token: Token | undefined): token is Token => token !== undefined && /^[\p{L}\p{N}]/u.test(token.word);

/**
 * The phrase of a sentence that fills a "what" question's gap (gap.ts): the words after the
 * gap's head (and its preposition) up to the end of their clause. "…has died of congestive
 * heart failure aged 70" fills "what did he die of". A filler that only repeats the
 * question's words, or only points elsewhere ("it"), fills nothing.
 */
export function extractSlot(input: ExtractionInput): Extraction | undefined {
  const gap = input.question.gap;
  return gap ? fillGap(input, gap) : undefined;
}

/**
 * The phrase of a sentence that fills the question's gap: the words after the gap's head (and
 * its preposition) up to the end of their clause. A filler that only repeats the question's
 * words, or only points elsewhere ("it"), fills nothing.
 */
function fillGap(input: ExtractionInput, gap: Gap): Extraction | undefined {
  const { text } = input.facts;
  const tokens = tokensOf(text);
  const heads = new Set([stem(gap.head), ...input.relatedStems(gap.head)]);
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i]) || !heads.has(stem(foldText(tokens[i]!.word))) || describesNoun(tokens, i, gap)) continue;
    const start = fillerStart(tokens, i, gap);
    if (start === undefined) continue;
    const filler = fillerFrom(tokens, start, text, input);
    if (filler) return { short: capitalise(filler), people: [] };
  }
  return undefined;
}

/** Forms of "be" that make an "-ing" a verb: "is winning the title", not "the winning point". */
const BE = /^(?:is|are|was|were|be|been|being|'s|'re)$/i;

/** An "-ing" head with no "be" before it describes the noun after it ("an incredible winning streak"): no verb whose object fills the gap. */
function describesNoun(tokens: Token[], at: number, gap: Gap): boolean {
  return gap.particle === undefined && /ing$/i.test(tokens[at]!.word) && !BE.test(tokens[at - 1]?.word ?? '');
}

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
 * The words from `start` to the end of their clause, at most MAX_FILLER_WORDS; an apposed
 * name after a comma goes with them ("one of hip-hop's most influential labels, Def Jam").
 */
function fillerFrom(tokens: Token[], start: number, text: string, input: ExtractionInput): string | undefined {
  let end = start;
  while (end < tokens.length && end - start < MAX_FILLER_WORDS && isWord(tokens[end]) && !(end > start && PHRASE_END.test(tokens[end]!.word.toLowerCase()))) end++;
  if (end === start) return undefined;
  const first = tokens[start]!.word.toLowerCase();
  if (POINTERS.has(first) && end - start === 1) return undefined;
  const phrase = tokens.slice(start, end);
  const news = phrase.filter((token) => {
    const word = foldText(token.word);
    return !STOPWORDS.has(word) && !POINTERS.has(word) && !input.questionStems.has(stem(word));
  });
  if (news.length === 0) return undefined;
  let last = phrase.at(-1)!.end;
  const apposed = input.facts.entities.find((entity) => tokens[end]?.word === ',' && entity.start > last && text.slice(last, entity.start).trim() === ',');
  if (apposed) last = apposed.end;
  return text.slice(tokens[start]!.start, last);
}
