import type { ArticleKnowledge } from '../knowledge/article-knowledge.js';

/**
 * About a phone screen of text: what one "more" shows. Well under every channel's message
 * limit (4,096 characters on Telegram and WhatsApp), with the title and footer around it.
 */
export const READING_PART_CHARS = 900;

/**
 * The article's text in the parts "more" reads out one at a time: whole paragraphs, as
 * many as fit in READING_PART_CHARS, and a paragraph longer than that split between its
 * sentences. Each part is a list of paragraphs, as the article writes them: reading on
 * is reading the article, whose sentences name their sources themselves. (The spaces
 * between sentences are not counted: a part may run a few characters over.)
 */
export function readingParts(knowledge: ArticleKnowledge): string[][] {
  const paragraphs: string[][] = [];
  knowledge.sentences.forEach((sentence, index) => {
    const { text } = sentence;
    if (index > 0 && sentence.paragraph === knowledge.sentences[index - 1]!.paragraph) paragraphs.at(-1)!.push(text);
    else paragraphs.push([text]);
  });
  const pieces = paragraphs.flatMap((sentences) => packed(sentences).map((group) => group.join(' ')));
  return packed(pieces);
}

/** Consecutive texts in groups of at most READING_PART_CHARS characters; a longer text is a group alone. */
function packed(texts: string[]): string[][] {
  const groups: string[][] = [];
  let length = 0;
  for (const text of texts) {
    const current = groups.at(-1);
    if (current && length + text.length <= READING_PART_CHARS) {
      current.push(text);
      length += text.length;
    } else {
      groups.push([text]);
      length = text.length;
    }
  }
  return groups;
}
