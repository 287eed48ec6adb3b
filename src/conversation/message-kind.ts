import { plainMessage } from '../text/plain-message.js';
import { detectLanguage } from './language.js';
import { smallTalkOf } from './small-talk.js';

/** "how can I stay up to date?", "notify me": how to follow the news, not a question about it. */
export const STAY_UP_TO_DATE = /\b(stay|keep)( me)? (up[- ]?to[- ]?date|updated|informed|posted)\b|\bget (news )?(updates|notified|notifications|alerts)\b|\bhow (do|can) i (subscribe|follow)\b|\bnotify me\b|\bwhatsapp channel\b|\btelegram channel\b/i;
/** "tell me more", "go on": the next part of the article under discussion. */
export const MORE = /^(?:tell me more|more|go on|continue|read more|more please|keep going|and then)\W*$/i;
/** A command typed without its slash: "help", "latest". */
export const BARE_COMMAND = /^(subscribe|unsubscribe|subscriptions|help|latest)$/i;
/** "what's new?", "any news?", "latest news": a reader asking for the headlines. */
const ALL_HEADLINES = /^(?:what(?:'s|s| is)? new|any(?:thing)? new|(?:is there )?any news|(?:the )?latest news|news)(?: today| please)?$/;
/** "any sport news?", "any news about apple", "latest news on the election": headlines on a topic. */
const TOPIC_HEADLINES = /^(?:(?:is there |got )?any (?<before>[\p{L}\p{N} &'-]{2,40}?) news|(?:any news|(?:the )?latest news|news) (?:on|about|from) (?<after>[\p{L}\p{N} &'-]{2,40}?))(?: today| please)?$/u;
/** A topic that is a question: "any news on who won the league?" asks who won. */
const QUESTION_WORD = /^(?:who|what|when|where|why|how|which|whether|if|did|does|is|are)\b/;
/** Words before "news" that say what kind of news, not what about: "any breaking news", "any more news". */
const KIND_OF_NEWS = /^(?:more|other|good|bad|new|fresh|latest|recent|breaking|big|major|important|interesting|top|real)$/;

/** The topic of a request for headlines in words ('' for all), or undefined when the message asks for none. */
export function headlinesAsked(message: string): string | undefined {
  const text = plainMessage(message).toLowerCase().replace(/’/g, "'").replace(/[?!.]+$/, '').trim();
  if (ALL_HEADLINES.test(text)) return '';
  const groups = TOPIC_HEADLINES.exec(text)?.groups;
  const topic = (groups?.before ?? groups?.after)?.trim();
  if (!topic || QUESTION_WORD.test(topic) || /^\d+$/.test(topic)) return undefined;
  return KIND_OF_NEWS.test(topic) ? '' : topic;
}

/** A command: "/latest", "!help". */
export const COMMAND = /^[/!]\w/;

/**
 * Whether the conversation reads a message as a question about the news: not a command,
 * small talk, another language, "more", a way to follow the news, a request for headlines,
 * or no words at all.
 * `npm run ask` sends a one-off line to the answer engine alone only when it is one.
 */
export function isNewsQuestion(message: string): boolean {
  const text = plainMessage(message);
  if (COMMAND.test(text) || text.replace(/[^\p{L}\p{N}]+/gu, '').length === 0) return false;
  return !detectLanguage(text) && !smallTalkOf(text) && !MORE.test(text) && !STAY_UP_TO_DATE.test(text) && !BARE_COMMAND.test(text) && headlinesAsked(text) === undefined;
}
