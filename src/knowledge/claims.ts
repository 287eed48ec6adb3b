import { STOPWORDS } from '../text/stopwords.js';

/**
 * Attributed statements: what a sentence says someone claims. Answers built on such a
 * sentence are attributed ("According to the letter, …"), never stated as fact.
 */
export interface Claim {
  /** Who makes the claim, as the article names it: "the letter", "Mr Blair". */
  source: string;
  /** The claim itself, without the attribution. */
  content: string;
}

const VERBS =
  'said|says|say|claimed|claims|claim|argued|argues|stated|states|noted|notes|stressed|stresses|warned|warns|added|adds|insisted|insists|believes|believed|alleged|alleges|accused|accuses|mentioned|mentions|emphasi[sz]ed|emphasi[sz]es|expressed|expresses|calls on|called on|called for|calls for|urged|urges|denied|denies|maintained|maintains|asserted|asserts|suggested|suggests|reported|reports';
const ATTRIBUTION_VERB = new RegExp(`^(?:${VERBS})$`, 'i');
/** Whether a word is one of the verbs that attribute a claim ("said", "warned", "claims"). */
export function isAttributionVerb(word: string): boolean {
  return ATTRIBUTION_VERB.test(word);
}
/** When the speaker spoke, before the speaker: "Earlier this month the firm said…", "On Monday, Mr Blair said…". */
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\\s+(?:morning|afternoon|evening|night))?';
const WHEN_SPOKEN = `(?:(?:earlier|later)\\s+(?:this|last|next)\\s+(?:week|month|year|season)|(?:last|this|next)\\s+(?:week|month|year|season|${WEEKDAY})|on\\s+${WEEKDAY}|in\\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\\s+\\d{4})?|\\d{4})|yesterday|today|this\\s+(?:morning|afternoon|evening))`;
const LEADING_ADVERBIAL = new RegExp(`^(?:(?:(?:meanwhile|furthermore|moreover|however|also|in conclusion|in addition|additionally|finally|separately|earlier|later|contrary to [^,]+),\\s*)|(?:but|and|yet|so)\\s+|${WHEN_SPOKEN},?\\s+)+`, 'i');
const ACCORDING_TO = /^(?:(?:[\w\s]+),\s*)?according to ((?:the |a |an )?[^,]{2,60}),\s*(.+)$/i;
const PASSIVE = new RegExp(`^(?:it|this)\\s+(?:was|is|has been)\\s+(?:also\\s+)?(?:${VERBS})\\s+(?:that\\s+)?(.+)$`, 'i');
const TRAILING_PASSIVE = /^(.+?)\s+(?:is|was|are|were)\s+(?:also\s+)?(?:emphasi[sz]ed|stressed|noted|underlined|highlighted)\.?$/i;
const SUBJECT_VERB = new RegExp(`^(.{2,80}?)\\s+(?:also\\s+)?(${VERBS})\\b(?:\\s+that)?\\s*(.+)$`, 'i');
/**
 * "Microsoft has warned that…", "…, a trade body has warned.": the perfect tense reports a
 * claim as the past does, but only with a verb that says nothing else: "the pound had added
 * 0.5%", "Federer has claimed his third title" report no claim, and a sentence that ends
 * "…, the US Trade Representative's Office said." is that office's claim whatever "have
 * noted" opens it (so these are tried after the other forms).
 */
const PERFECT_VERBS = 'said|warned|insisted|argued|stressed|denied|maintained|alleged|asserted';
const SUBJECT_PERFECT = new RegExp(`^(.{2,80}?)\\s+(?:also\\s+)?(?:has|have|had)\\s+(?:${PERFECT_VERBS})\\s+(?:that\\s+|:\\s*)(.+)$`, 'i');
const SOURCE_PERFECT_AT_END = new RegExp(`^(.+?),["”]?\\s+((?:the |a |an )?[^,"“”]{2,60}?)\\s+(?:has|have|had)\\s+(?:${PERFECT_VERBS})\\.?$`, 'i');
/**
 * Verbs news writes before their speaker ("…, said Mr Dudas.", "…, added the minister."). Not
 * those that take an object as often: in "Smith, who is accused of stabbing his neighbour,
 * denies murder" (or "claims self-defence", "warns ministers") what follows is what is said,
 * not who says it.
 */
const SPEAKER_AFTER_VERBS = 'said|says|added|adds|explained';
const TRAILING_SAID = new RegExp(`^(.+?),?\\s*["”]?,?\\s+(?:${SPEAKER_AFTER_VERBS})\\s+([^,.]{2,60})\\.?$`, 'i');
/** "…, Downing Street said.", "…, the company says.": the commonest attribution in news, at the end. */
const SOURCE_SAID_AT_END = new RegExp(`^(.+?),["”]?\\s+((?:the |a |an )?[^,"“”]{2,60}?)\\s+(?:${VERBS.split('|').filter((v) => !v.includes(' ')).join('|')})\\.?$`, 'i');
const PRONOUN_SOURCE = /^(it|this|he|she|they)$/i;
/** "I", "we", "we've": the speaker of a quote speaking of themselves, not a name to attribute to ("According to we've…"). */
const FIRST_PERSON_SOURCE = /^(?:i|we|you)(?:['’](?:m|ve|re|d|ll))?$/i;

/** A speaker written as "he" or "she": a person, the one named last. */
const PERSON_PRONOUN = /^(he|she)$/i;

/** Whom a pronoun speaker means: the person named last, as the last speaker was named when that is who it is ("Festival director Dieter Kosslick", then "Kosslick"). */
function pronounSpeaker(pronoun: string, previousSource: string | undefined, previousPerson: string | undefined): string | undefined {
  if (!PERSON_PRONOUN.test(pronoun) || previousPerson === undefined) return previousSource;
  const sameAsSpeaker = previousSource !== undefined && previousPerson.split(/\s+/).every((word) => previousSource.split(/\s+/).includes(word));
  return sameAsSpeaker ? previousSource : previousPerson;
}

/**
 * The claim a sentence reports, if any. `previousSource` resolves "It stresses…" and
 * "it was noted that…" to whoever spoke last; `previousPerson` (the person a sentence since
 * then was about, if any) resolves "He said…": "Wenger's Bayern counterpart Felix Magath was
 * in no mood to celebrate. He said: …" is Magath speaking, though Wenger spoke last.
 */
export function detectClaim(sentence: string, previousSource: string | undefined, previousPerson?: string): Claim | undefined {
  const text = sentence.trim();
  const unadorned = text.replace(LEADING_ADVERBIAL, '');
  const according = ACCORDING_TO.exec(text);
  if (according) return { source: according[1]!.trim(), content: trimEnd(according[2]!) };
  const passive = PASSIVE.exec(unadorned);
  if (passive) return previousSource ? { source: previousSource, content: trimEnd(passive[1]!) } : undefined;
  const trailingPassive = TRAILING_PASSIVE.exec(unadorned);
  if (trailingPassive && previousSource) return { source: previousSource, content: trimEnd(unadorned) };
  const subjectVerb = SUBJECT_VERB.exec(unadorned);
  // A speaker never ends in "the" or "to": "…rejected the claim", "…declined to say" are not claims.
  const subject = subjectVerb ? speakerPast(subjectVerb[1]!.trim()) : undefined;
  // "It did not say which…" reports no claim; nor does a "said" with nothing after it (the speaker is at the end).
  const content = subjectVerb ? trimEnd(`${verbPhrase(subjectVerb[2]!)}${withoutWarned(subjectVerb[2]!, subjectVerb[3]!)}`) : '';
  // A possessive is no speaker ("Mr Blair's reported treaty"), but a firm's one-word name is
  // ("Foster's said"); after a possessive or a determiner alone, "claims", "reports" are the
  // noun ("upheld Ms Villalba's claims…", "His claims were denied…").
  const nounLike = subjectVerb !== null && NOUN_LIKE_VERBS.test(subjectVerb[2]!);
  const possessedNoun = subjectVerb !== null && ((/['’]s?$/.test(subject ?? '') && (nounLike || /\s/.test(subject!.trim()))) || (DETERMINER.test(subject ?? '') && nounLike));
  if (subjectVerb && subject && content && !possessedNoun && /^(?:the|a|an|[A-Z]|it|he|she|they)/i.test(subject) && !/[,;]/.test(subject) && !/\s(?:the|a|an|to)$/i.test(subject) && !NOT_SAYING.test(subject) && isSpeaker(subject)) {
    let source = subject;
    if (PRONOUN_SOURCE.test(source)) {
      const meant = pronounSpeaker(source, previousSource, previousPerson);
      if (!meant) return undefined;
      source = meant;
    }
    return { source: lowerArticle(source), content };
  }
  const atEnd = SOURCE_SAID_AT_END.exec(text);
  if (atEnd && isSpeaker(atEnd[2]!) && namesSomeone(atEnd[2]!.trim())) {
    const speaker = atEnd[2]!.trim();
    const source = PRONOUN_SOURCE.test(speaker) ? pronounSpeaker(speaker, previousSource, previousPerson) : lowerArticle(speaker);
    if (source) return { source, content: trimEnd(atEnd[1]!.replace(/^["“]|["”]$/g, '')) };
  }
  const trailing = TRAILING_SAID.exec(text);
  // '"…," said Mr Dudas.' is a quote with its speaker; "an injury he said he suffered" is not.
  if (trailing && !/\btold\b/i.test(text) && isSpeaker(trailing[2]!) && quoteBeforeVerb(text, trailing[2]!)) {
    return { source: lowerArticle(trailing[2]!.trim()), content: trimEnd(trailing[1]!.replace(/^["“]|["”]$/g, '')) };
  }
  return perfectClaim(text, unadorned, previousSource, previousPerson);
}

/** A claim reported in the perfect tense (SUBJECT_PERFECT, SOURCE_PERFECT_AT_END), if the sentence is one. */
function perfectClaim(text: string, unadorned: string, previousSource: string | undefined, previousPerson: string | undefined): Claim | undefined {
  const atEnd = SOURCE_PERFECT_AT_END.exec(text);
  const first = atEnd ? undefined : SUBJECT_PERFECT.exec(unadorned);
  const speaker = (atEnd?.[2] ?? (first ? speakerPast(first[1]!.trim()) : undefined))?.trim();
  if (!speaker || !isSpeaker(speaker) || !namesSomeone(speaker)) return undefined;
  const source = PRONOUN_SOURCE.test(speaker) ? pronounSpeaker(speaker, previousSource, previousPerson) : lowerArticle(speaker);
  const content = atEnd ? atEnd[1]! : first![2]!;
  return source ? { source, content: trimEnd(content.replace(/^["“]|["”]$/g, '')) } : undefined;
}

/** Verbs of saying that are nouns too: after a possessive they are the noun ("Ms Villalba's claims of…"). */
const NOUN_LIKE_VERBS = /^(?:claims?|reports|notes|states|calls (?:on|for))$/i;

/** A determiner alone: what follows it is a noun. */
const DETERMINER = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)$/i;

/** A subject that denies saying: "It did not say", "the firm would not say", "he never said". */
const NOT_SAYING = /(?:\bnot|\bnever|n['’]t)$/i;

/** "lead singer Gary Lightbody", "spokesman Tom Jones": a role in lower case, then the name. */
const ROLE_THEN_NAME = /^[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}(?:\s+\p{Lu}[\p{L}'’-]*)+$/u;

/** Words that open a phrase setting the scene before the speaker: "On the Asian tsunami he said…". */
const SCENE_OPENERS = new Set(['on', 'at', 'in', 'of', 'about', 'for', 'with', 'after', 'before', 'during', 'speaking', 'asked']);
const SPEAKER_PRONOUN = /^(?:he|she|they|it)$/i;

/**
 * The speaker of "<words> said", past a phrase that sets the scene: "On the Asian tsunami
 * he" is "he", "At home Mr Kennedy" is "Mr Kennedy", "In his New Year message the Liberal
 * Democrat leader" is "the Liberal Democrat leader"; undefined when no speaker follows the
 * scene. Words that open like a subject are left as they are.
 */
function speakerPast(spoken: string): string | undefined {
  // "Mr Brown earlier denied…": when they spoke is no part of the speaker.
  const words = spoken.replace(WHEN_AFTER_SPEAKER, '');
  const all = words.split(/\s+/);
  if (!SCENE_OPENERS.has(all[0]!.toLowerCase())) return words;
  const last = all.at(-1)!;
  if (SPEAKER_PRONOUN.test(last)) return last;
  let from = all.length;
  while (from > 1 && /^\p{Lu}/u.test(all[from - 1]!)) from -= 1;
  if (from < all.length) return all.slice(from).join(' ');
  const article = all.findLastIndex((word, i) => i > 0 && /^(?:the|a|an)$/i.test(word));
  return article > 0 ? all.slice(article).join(' ') : undefined;
}

/** Adverbs of time between a speaker and the verb: "Mr Brown earlier denied…", "the firm previously said…". */
const WHEN_AFTER_SPEAKER = /\s+(?:earlier|later|previously|recently|again|then|yesterday|today|once)$/i;

/** "He warned the BBC that attacking Mr Campbell…": whom he warned is no part of the claim. */
function withoutWarned(verb: string, content: string): string {
  if (!/^warn/i.test(verb)) return content;
  return /^(?:[^,"“”]{1,40}?)\s+that\s+(.+)$/.exec(content)?.[1] ?? content;
}

/**
 * A speaker opens like a subject: "Downing Street", "the company", "he", "lead singer Gary Lightbody". "which he denies",
 * "just as the minister", "and shares fell as investors" are clauses, not speakers.
 */
function namesSomeone(words: string): boolean {
  return (PRONOUN_SOURCE.test(words) || /^(?:(?:the|a|an)\s|\p{Lu})/u.test(words) || ROLE_THEN_NAME.test(words)) && !/\b(?:which|who|whom|as|and|but|or|that|while|when|if)\b/i.test(words);
}

/** '"…," said Mr Dudas': a comma or closing quote right before the verb. */
function quoteBeforeVerb(text: string, speaker: string): boolean {
  const beforeSpeaker = text.slice(0, text.lastIndexOf(speaker)).trimEnd();
  const beforeVerb = beforeSpeaker.slice(0, beforeSpeaker.lastIndexOf(' ')).trimEnd();
  return /[,"”]$/.test(beforeVerb);
}

/**
 * Whether the words before "said" name a speaker ("Mr Bello", "the lawsuit", "Agriculture
 * Minister Adamu Bello") rather than being a clause of their own ("Willis is seeking
 * medical expenses after he said…"), which would make a nonsense attribution.
 */
function isSpeaker(words: string): boolean {
  return words.trim().split(/\s+/).length <= 7 && !FIRST_PERSON_SOURCE.test(words.trim()) && !/\b(?:is|are|was|were|has|have|had|will|would|can|could|after|before|when|while|because|since|if|over|during)\b/i.test(words);
}

/** Keep verbs whose object is not a "that" clause: "calls on …", "expressed regret …". */
function verbPhrase(verb: string): string {
  const lower = verb.toLowerCase();
  if (/^(calls? on|called on|calls? for|called for|urged|urges|accused|accuses|denied|denies|expressed|expresses|mentioned|mentions)$/.test(lower)) {
    return `${lower} `;
  }
  return '';
}

function lowerArticle(source: string): string {
  return source.replace(/^(The|A|An)\s/, (article) => article.toLowerCase());
}

/** The claim's words without the colon that introduced a quote ('He said: "…"') or a closing full stop. */
function trimEnd(text: string): string {
  return text.trim().replace(/^:\s*/, '').replace(/[.\s]+$/, '');
}

/** A claim as a reader should see it: always with who makes it. */
export function attributed(claim: Claim, quoted = claim.content): string {
  const content = withQuotesClosed(quoted);
  const source = `${claim.source.charAt(0).toUpperCase()}${claim.source.slice(1)}`;
  const ended = (text: string): string => (/[.!?…]["”’']?$/.test(text) ? text : `${text}.`);
  // "According to Kim Collins, I'm looking forward…" would be the bot speaking: their own words are quoted.
  if (OPENS_FIRST_PERSON.test(content)) return `${source}: “${ended(content)}”`;
  const text = /^(mentioned|mentions|expressed|expresses|calls on|called on|calls for|called for|urged|urges|accused|accuses|denied|denies)\b/.test(content)
    ? `${source} ${content}`
    : `According to ${lowerFirst(claim.source)}, ${lowerFirst(content)}`;
  return ended(text);
}

/**
 * A quote the claim opens and the sentence closed after the part taken ('the Vantage is "the
 * most important car…", said Bez') is closed again.
 */
function withQuotesClosed(content: string): string {
  const straight = (content.match(/"/g) ?? []).length;
  const opened = (content.match(/“/g) ?? []).length - (content.match(/”/g) ?? []).length;
  // Only a quote left open: one that opens a word ('was "derisory'), not one that closes a quote whose start was cut off ('porters", and').
  const lastOpens = /(?:^|[\s([])"[^"]*$/.test(content);
  if (straight % 2 === 1 && lastOpens) return `${content.replace(/[.\s]+$/, '')}"`;
  return opened > 0 ? `${content.replace(/[.\s]+$/, '')}”` : content;
}

/** A claim in its speaker's own words, unquoted: "I'm looking forward…", "We will appeal". */
const OPENS_FIRST_PERSON = /^(?:I|I['’](?:m|ve|d|ll)|We|We['’](?:re|ve|d|ll)|My|Our|Me|Us)\b/;

/** Words that open a clause, never a name: "According to the report, although…". */
const CLAUSE_OPENERS = new Set(['although', 'though', 'whereas', 'however', 'despite', 'since', 'unless', 'meanwhile', 'nevertheless', 'yet', 'instead', 'indeed']);

/** Titles before a name keep their capital: "According to Mr Bez", not "mr Bez". */
const TITLES = /^(?:Mr|Mrs|Ms|Dr)$/;

/** "The letter…" inside a sentence: "the letter…", but never "i" or "cOP29". */
export function lowerFirst(text: string): string {
  // Only a common word opening the sentence loses its capital: "the", "his", "it"; a name
  // ("Revolution Studios") or "I" keeps it.
  // "It's all down to him": a contraction goes by its first part.
  const first = /^[A-Z][a-z]*/.exec(text)?.[0];
  const lowered = first?.toLowerCase() ?? '';
  return first && first !== 'I' && !TITLES.test(first) && (STOPWORDS.has(lowered) || CLAUSE_OPENERS.has(lowered)) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
