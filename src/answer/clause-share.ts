/**
 * Which of several figures (dates, places) of one sentence a question asks about, by the
 * part of the sentence each stands in: "80 million new PC users in India by 2010 and 40
 * million new users in Indonesia" answers "how many new users in Indonesia" with the
 * second, though "new users" stands as close to the first. Each answer's part runs from
 * the break before it to the break after it: of what stands between two answers, the
 * strongest break (a semicolon; then a comma with "while", "but", "compared with", "rather
 * than"…; the same without the comma; "and"; a comma), its first. Answers with no break
 * between them ("$20 million (£10.5 million)") share one part. The answer whose part holds
 * most of what the question asks and the other parts don't wins (byClause).
 */
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';

interface Span {
  start: number;
  end: number;
}

/** A break that compares the next part with the one before: it goes on about the same thing, time and place. */
const COMPARISON = /\b(?:compared (?:with|to)|against|rather than|than)\b/i;
/** Words that set one answer's part against the next one's; after a comma, "with" too (", with a further 300"). */
const CONTRAST = '(?:while|whereas|but|compared (?:with|to)|against|rather than)';
/** Breaks between two answers' parts, strongest first; a break's start is where the second part begins. */
const BREAKS = [/;/g, new RegExp(`,\\s+(?:${CONTRAST}|with|and)\\s+`, 'gi'), new RegExp(`\\s+${CONTRAST}\\s+`, 'gi'), /\s+and\s+/gi, /,\s+/g];

/**
 * Where the second of two answers' parts begins between `from` and `to`, and the break's
 * length; undefined when none. A break within brackets is none: "68m euros ($89m; £47m)" is
 * one figure.
 */
function breakIn(text: string, from: number, to: number): { at: number; length: number } | undefined {
  const bracketed = (at: number): boolean => (text.slice(0, at).match(/\(/g)?.length ?? 0) > (text.slice(0, at).match(/\)/g)?.length ?? 0);
  for (const kind of BREAKS) {
    // The first: "in Leeds and Marks and Spencer cut 500" breaks before "Marks".
    const found = [...text.slice(from, Math.max(from, to)).matchAll(kind)].find((match) => !bracketed(from + (match.index ?? 0)));
    if (found) return { at: from + (found.index ?? 0), length: found[0].length };
  }
  return undefined;
}

/**
 * Whether a part goes on about the sentence's subject: it opens with a verb (OPENS_WITH_VERB),
 * with the subject's "its"/"his"/"their" ("…rose 10% to £50m, while its sales were flat at
 * £900m"), or after ", with" ("profits were £20m, with sales of £100m").
 */
function sharesSubject(breakText: string, rest: string): boolean {
  return OPENS_WITH_VERB.test(rest) || /^(?:its|his|her|their)\b/.test(rest) || /\bwith\b/.test(breakText);
}

/**
 * A part that opens with a verb has no subject of its own: ", resigned in December",
 * ", but is set to be worth…", ", compared to 6.7 in Germany". It shares the sentence's
 * subject, the words before the first answer ("Franklin Raines, its chief executive since
 * 1999, resigned in December": Raines resigned in December).
 */
const OPENS_WITH_VERB = /^(?!(?:during|including|according|morning|evening|hundred|red|bed|king|thing|nothing|something|anything|everything|spring|ring|building|wedding|ceiling|ending)\b)(?:is|are|was|were|will|would|has|have|had|could|can|may|might|should|must|\p{Ll}+ed|\p{Ll}+ing)\b/u;

/**
 * Per span (in the order given), the question's words its part of the sentence holds and no
 * other part does: a word every part holds, or that the first states for all ("the market
 * for downloads was worth $20 million in 2004, but is set to be worth $1.8 billion by
 * 2009"), tells them apart less than one only a part holds ("2009"). A question's word is
 * one `weightOf` gives a weight (0: not asked).
 */
function ownWords(text: string, spans: readonly Span[], weightOf: (term: string) => number): string[][] {
  const order = spans.map((span, i) => ({ span, i })).sort((a, b) => a.span.start - b.span.start);
  // Where each answer's part ends (the next one's begins): undefined when no break stands between them.
  const cuts: ({ at: number; length: number } | undefined)[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    cuts.push(breakIn(text, order[k]!.span.end, order[k + 1]!.span.start));
  }
  // Each part runs from the last cut before its answer to the first cut after it.
  const starts: number[] = [0];
  const goesOnAboutSubject: boolean[] = [false];
  for (let k = 1; k < order.length; k++) {
    const cut = cuts[k - 1];
    starts.push(cut ? cut.at : starts[k - 1]!);
    goesOnAboutSubject.push(cut ? sharesSubject(text.slice(cut.at, cut.at + cut.length), text.slice(cut.at + cut.length)) : goesOnAboutSubject[k - 1]!);
  }
  const ends: number[] = [];
  for (let k = order.length - 1; k >= 0; k--) ends[k] = k === order.length - 1 ? text.length : (cuts[k]?.at ?? ends[k + 1]!);
  const asked = (part: string): string[] => words(part).map(stem).filter((term) => weightOf(term) > 0);
  const subject = order.length > 0 ? asked(text.slice(0, order[0]!.span.start)) : [];
  const held: Set<string>[] = [];
  order.forEach((_, k) => {
    const own = asked(text.slice(starts[k], ends[k]));
    // "…£269bn on plastic cards during 2004, compared with £268bn paid with cash": a comparison holds all its first part says.
    const compared = k > 0 && cuts[k - 1] !== undefined && COMPARISON.test(text.slice(cuts[k - 1]!.at, cuts[k - 1]!.at + cuts[k - 1]!.length));
    held.push(new Set([...own, ...(compared ? held[k - 1]! : goesOnAboutSubject[k] ? subject : [])]));
  });
  const parts = new Map<string, number>();
  const seen = new Set<string>();
  held.forEach((terms, k) => {
    // Answers with no break between them share a part: count it once.
    const key = `${starts[k]}:${ends[k]}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const term of terms) parts.set(term, (parts.get(term) ?? 0) + 1);
  });
  const own: string[][] = spans.map(() => []);
  order.forEach(({ i }, k) => {
    own[i] = [...held[k]!].filter((term) => parts.get(term) === 1);
  });
  return own;
}

/**
 * A comparator ordering answers by their parts of the sentence: first by the names and years the
 * question asks that only an answer's part holds ("by 2009", "in Indonesia"), then by its
 * other words ("catalogue and home-shopping frauds… 8%, while… 6%"). Names first, because a
 * part states the shared subject once for all ("the market for downloads was worth $20
 * million in 2004, but is set to be worth $1.8 billion by 2009"), and the names and years
 * are what set the parts apart.
 */
export function byClause<T extends Span>(text: string, spans: readonly T[], weightOf: (term: string) => number, isName: (term: string) => boolean): (a: T, b: T) => number {
  // The parts are read once; names and other words are then weighed apart.
  const own = ownWords(text, spans, weightOf);
  const weigh = (names: boolean): number[] => own.map((terms) => terms.reduce((sum, term) => sum + (isName(term) === names ? weightOf(term) : 0), 0));
  const names = weigh(true);
  const others = weigh(false);
  const index = new Map(spans.map((span, i) => [span, i]));
  return (a, b) => {
    const i = index.get(a) ?? -1;
    const j = index.get(b) ?? -1;
    if (i < 0 || j < 0) return 0;
    return names[j]! - names[i]! || others[j]! - others[i]!;
  };
}
