import { decode } from 'html-entities';

/** Feed HTML to article text: block elements become paragraph breaks, tags go, entities decode. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr|section|article)>/gi, '\n\n')
    .replace(/<[^>]*>/g, ' ');
  return decode(withBreaks)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
