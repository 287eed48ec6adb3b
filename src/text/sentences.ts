/**
 * Sentence splitting for news prose. A full stop ends a sentence unless it closes a known
 * abbreviation ("Mr.", "U.S.", "Jan."), an initial ("J. Smith") or sits inside a number.
 */

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st sr jr mt gen col lt sgt capt rev hon gov sen rep pres no vs etc inc ltd co corp
  jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ fig vol op cf al eg ie`.split(/\s+/),
);

export interface Paragraph {
  /** Sentences of the paragraph, trimmed. */
  sentences: string[];
}

/** Split a body into paragraphs (blank-line separated) and each into sentences. */
export function splitParagraphs(body: string): Paragraph[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .map((block) => ({ sentences: splitSentences(block) }));
}

/** Split one block of text into sentences. */
export function splitSentences(block: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘(]?[A-Z0-9\p{Lu}])/gu;
  let start = 0;
  for (const match of block.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[1]!.length + match[2]!.length;
    if (match[1] === '.' && match[2] === '' && endsWithAbbreviation(block.slice(start, match.index))) continue;
    const sentence = block.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = block.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

function endsWithAbbreviation(text: string): boolean {
  const lastWord = /(\S+)$/.exec(text)?.[1] ?? '';
  if (/^[A-Z]$/.test(lastWord)) return true; // an initial: "J. K. Rowling"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(lastWord)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(lastWord.replace(/^["'“(]/, '').toLowerCase());
}
