/**
 * A message as plain words: readers paste text with HTML tags ("<b>who</b>") or chat
 * formatting ("*who* wrote _it_"), which would otherwise be read as words or letters.
 */
const HTML_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?\/?>/gi;
/** Emphasis marks around a word: "*bold*", "_italic_", "~strike~", "`code`". */
const EMPHASIS = /(^|[\s(])([*_~`]+)(\S(?:[^*_~`]*\S)?)\2(?=$|[\s).,!?:;])/g;

export function plainMessage(text: string): string {
  return text.replace(HTML_TAG, '').replace(EMPHASIS, '$1$3').trim();
}
