/**
 * Where to cut `window` (the start of a long message) so the first part reads well: after
 * a paragraph, else after a sentence, else between words, else anywhere. Never before a
 * third of the way, so parts stay reasonably full.
 */
export function splitPoint(window: string): number {
  const minimum = window.length / 3;
  let cut = window.lastIndexOf('\n\n');
  if (cut < minimum) cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? ')) + 1;
  if (cut < minimum) cut = window.lastIndexOf(' ');
  if (cut < minimum) cut = window.length;
  return cut;
}
