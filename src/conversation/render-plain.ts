import type { Reply } from './messages.js';

/** A reply as plain text: the console, the CLI and the eval read exactly this. */
export function renderPlain(reply: Reply, options: { withButtons?: boolean } = {}): string {
  const lines: string[] = [];
  for (const block of reply.blocks) {
    switch (block.kind) {
      case 'text':
      case 'answer':
        lines.push(block.text);
        break;
      case 'quote':
        lines.push(`“${block.text}”`);
        break;
      case 'list':
        block.items.forEach((item, index) => lines.push(`${index + 1}. ${item}`));
        break;
      case 'source':
        lines.push(block.url ? `${block.text} ${block.url}` : block.text);
        break;
    }
  }
  if (options.withButtons && reply.buttons?.length) {
    lines.push(`[${reply.buttons.flat().map((button) => `${button.label}: ${button.action}`).join(' | ')}]`);
  }
  return lines.join('\n');
}
