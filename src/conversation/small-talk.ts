/**
 * What people type to a bot that is not a question about the news: greetings, thanks,
 * "what can you do?", "who are you?", goodbyes. Recognised in any reasonable wording
 * (extra words like "there", "bot", "so much", emoji and punctuation are fine).
 */
export type SmallTalk = 'greeting' | 'thanks' | 'capabilities' | 'identity' | 'wellbeing' | 'goodbye' | 'praise' | 'apology' | 'sum';

/** "what is 2+2", "what's 5 times 3", "what is 7 - 2": a sum, not a question about the news ("2004-05" is a season). */
const SUM = /^(?:what(?:'s| is| s)?|whats|how much is|calculate)\s+-?\d+(?:\.\d+)?(?:(?:\s*(?:\+|x|\*|\/|times|plus|minus|divided by|multiplied by)\s*|\s+-\s+)-?\d+(?:\.\d+)?)+\s*[?!.]*$/;

const FILLER = String.raw`(?:\s+(?:there|bot|again|everyone|all|guys|friend|mate|so much|very much|a lot|a ton|lots|loads|man|buddy|you|dear))*`;
const PATTERNS: [SmallTalk, RegExp][] = [
  ['greeting', new RegExp(String.raw`^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|salam|salaam|hola|start)${FILLER}$`)],
  ['thanks', new RegExp(String.raw`^(?:(?:ok(?:ay)?|great|cool|perfect|nice|awesome|brilliant)\s+)?(?:thanks?|thank you|thx|ty|cheers|much appreciated|appreciate it|ta|gracias|merci|danke|grazie|obrigad[oa]|spasibo|teşekkürler|tesekkurler|sağ ol|sag ol|təşəkkür(?: edirəm)?|tesekkur)${FILLER}$`)],
  ['praise', /^(?:ok(?:ay)?|k|great|cool|perfect|nice|awesome|brilliant|got it|i see|good|interesting|wow|amazing|well done|good (?:job|bot|work|answer)|lol|haha+|hehe+|:\)|👍)$/],
  ['capabilities', /^(?:what (?:can|do) (?:you|u) (?:do|help(?: me)? with|know)|what are you for|how (?:do|does) (?:this|it|you) work|how (?:can|do) i use (?:this|you)(?: bot)?|what can i ask(?: you)?|help me|what do you know)$/],
  ['identity', /^(?:who|what) (?:are|r) (?:you|u)(?: guys| people| exactly| then| anyway| really)?$|^are you (?:a )?(?:bot|robot|human|real|ai)$/],
  ['wellbeing', /^how (?:are|r) (?:you|u)(?: doing| today)?$|^how is it going$|^what'?s up$|^sup$/],
  ['apology', new RegExp(String.raw`^(?:(?:oh|oops|whoops|sorry|my bad|my mistake|apologies|pardon|excuse me|never ?mind|nvm|ignore that|wrong chat)${FILLER}\s*)+$`)],
  ['goodbye', new RegExp(String.raw`^(?:bye|goodbye|good night|see you|see ya|later|cya|ciao)${FILLER}$`)],
];

/**
 * The kind of small talk, when every part of the message is small talk ("ok bye", "good
 * job, thank you"): the last part that is more than praise says what to answer.
 */
export function smallTalkOf(text: string): SmallTalk | undefined {
  // Phones send "what’s": the curly apostrophe is the same.
  if (SUM.test(text.toLowerCase().replace(/’/g, "'").trim())) return 'sum';
  const plain = text.toLowerCase().replace(/[^\p{L}\p{N}\s',]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!plain) return undefined;
  const whole = kindOf(plain.replace(/,/g, ' ').replace(/\s+/g, ' '));
  if (whole) return whole;
  const parts = plain.split(/,|\s(?:and|then)\s|(?<=^(?:ok|okay|great|cool|perfect|nice|good job|well done|awesome))\s/).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const kinds = parts.map(kindOf);
  if (kinds.some((kind) => kind === undefined)) return undefined;
  return kinds.filter((kind) => kind !== 'praise').pop() ?? 'praise';
}

function kindOf(part: string): SmallTalk | undefined {
  return PATTERNS.find(([, pattern]) => pattern.test(part))?.[0];
}
