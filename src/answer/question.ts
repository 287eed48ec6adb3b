import { foldText, words } from '../text/normalize.js';
import { ROLE_WORDS } from '../knowledge/gazetteer.js';
import { QUESTION_FILLER, STOPWORDS } from '../text/stopwords.js';
import { shortFormAsked, STANDS_FOR_WORDS } from './acronyms.js';
import { type KnownTerms, writeOutShortForms } from './short-forms.js';
import type { Gap } from './gap.js';

export type QuestionType =
  | 'who'
  | 'when'
  | 'published'
  | 'where'
  | 'howMany'
  | 'why'
  | 'what'
  | 'yesNo'
  | 'summary'
  | 'claims';

export interface ParsedQuestion {
  /** The question folded and with common typos of question words fixed. */
  folded: string;
  type: QuestionType;
  /** Words that say what the question is about (folded, not yet stemmed). */
  topicWords: string[];
  /** Those a follow-up took from the previous question (follow-up.ts): they weigh less than the reader's own. */
  borrowedWords?: string[];
  /** The name a pronoun of the reader's was taken to mean ("his" -> "gary lightbody"): a guess, which the scorer weighs. */
  pronounReferent?: string;
  /** "to whom…", "who received…": the answer is the recipient, not the actor. */
  wantsRecipient: boolean;
  /** "how many people": the counted thing. */
  unit?: string;
  /** "who is X" / "what is X": the X, when the question only names it. */
  subject?: string;
  /** "which Charlton midfielder…", "what record label…": the noun the answer is an instance of. */
  focus?: string;
  /** "which rapper…", "which Milan star…": the focus is a kind of person (focus.ts), so a body or a thing is no answer. */
  focusIsPerson?: boolean;
  /** "what did Merle Kilgore die of": the words a "what" question's gap follows (slot.ts). */
  gap?: Gap;
  /** "who did Nicole Kidman get a restraining order against": the preposition whose name a "who" question asks for (gap.ts). */
  nameAfter?: string;
  /** "what did Jonny Evans say about…": whose claims are asked for. */
  speaker?: string;
  /** "who else…", "which other firm…": an answer other than those the chat was given. */
  another?: boolean;
}

/** "how long did the talks last?", "how long will it last": "last" asks how long, it is not the topic ("last year" is). */
const LASTING = /(?<=^how long\b.*)\blast(?:ed|s)?(?=\s*\??$)/;

/**
 * The question without the words that say what kind of answer it asks for rather than what
 * it is about: the "old" of "how old"; the "last" of "how long did the talks last", the
 * question's own verb as "take" is in "how long did it take"; the "stand for" of "what does
 * TPS stand for" (acronyms.ts). (The "going" of "is he going to quit" needs a dictionary:
 * focus.ts, futureOfGoingTo.)
 */
function withoutAskingWords(folded: string): string {
  const plain = folded.replace(/\bhow old\b/, 'how').replace(LASTING, '');
  return shortFormAsked(plain) ? plain.replace(STANDS_FOR_WORDS, '') : plain;
}

/** "who else…", "what else…", "which other firm…": asks for an answer besides the ones given. */
const ANOTHER = /\b(?:who|whom|what|where|which|when|anyone|anything|anywhere) else\b|\b(?:which|what) other\b/;

/** "where is this news from", "where was the article written": the article itself, not an event. */
export const FILED_FROM = /^where (?:is|was|are|were|does|did) (?:this|it|the (?:news|article|story|piece))(?: \w+)? (?:from|filed|written|reported|published|come from|dated)\b|^where (?:is|was) (?:this|it) from\b/;

/** Typos of the words that decide the question type. */
const TYPO_FIXES: Record<string, string> = {
  hwo: 'who', woh: 'who', whos: 'who is', wat: 'what', waht: 'what', whta: 'what', wht: 'what', whats: 'what is',
  wen: 'when', whn: 'when', wehn: 'when', wher: 'where', whre: 'where', wehre: 'where', wy: 'why', whi: 'why',
  hw: 'how', hoe: 'how', teh: 'the', adn: 'and', mnay: 'many', mny: 'many', muhc: 'much', cliams: 'claims', clams: 'claims',
  calims: 'claims', recieve: 'receive', recieved: 'received', recieves: 'receives', summery: 'summary', sumary: 'summary', summarise: 'summarize', publised: 'published', pubished: 'published',
};
/** The misspellings of English question words ("wat", "hwo"): the language check counts them as English. */
export const QUESTION_WORD_TYPOS = Object.keys(TYPO_FIXES);

const SUMMARY = /^(?:(?:(?:can|could) (?:you|u|i) )?(?:give me|get|send me|i want|i'd like|i would like)(?: an?| the)? )?(?:(?:so |ok |and )?what(?: is|'s| s)? (?:this|it|that|the)(?: (?:latest|newest|last|most recent|current|top))?(?: (?:article|story|news|piece|letter|text|report))?(?: all)? about|summar\w*|tl ?;? ?dr|gist|overview|what happened(?= *$| here| in (?:the|this) (?:article|story|news))|main (?:point|idea)|what(?: is|'s) (?:the )?(?:(?:latest|newest) )?(?:story|news)|what(?: is|'s) the (?:latest|newest)$|about|brief me|recap|tell (?:me|us) (?:something )?about|what do (?:you|u) know about)\b/;
/** Asks for the claims themselves: "which claims", "what are the allegations", "what did the letter say (about X)". */
const CLAIMS = /^(?:(?:so|and|ok) )?(?:what|which|list|show|give|tell)(?: me)?(?: are| were| is| was)?(?: the| all| his| her| their| its| main| key)*(?: \w+)? (?:claims?|allegations?|accusations?|arguments?|criticisms?|complaints?|objections?|points? (?:made|raised))\b|^(?:(?:so|and|ok) )?what (?:does|did|do|is|was) (?:the |she |he |they |it )?(?:\w+ ){0,3}(?:say|saying|claim|claiming|allege|argue|state|assert)(?: about\b.*)?$|^(?:claims|allegations)$/;
/**
 * Asks when or by whom the article itself came out: "when was this published", "when was the
 * story released". "When is it out?" in a chat about a film asks about the film: a thing the
 * article is about is released or out, the article is published, written or posted. A
 * report is often what the news is about ("the inquiry's report will be published on 14
 * July"): only its writing or posting asks about the article. "Who ran it?" in a chat about a
 * website asks who ran the site: only "who ran this story" asks who published it.
 */
const PUBLISHED = /\b(?:when (?:was|is|were) (?:this|it)(?: \w+)? (?:published|written|posted|dated|from)|when (?:was|is|were) (?:the|this|that) (?:article|story|piece|news)(?: \w+)? (?:published|written|posted|released|out|dated|from)|when (?:was|is|were) (?:the|this|that) report(?: \w+)? (?:written|posted|dated)|publication date|published when|what (?:date|day) (?:is|was) (?:this|it|the (?:article|story|piece))|how old is (?:this|the (?:article|story))|date of (?:the |this )?(?:article|story|publication))\b|^who (?:published|reported) (?:this|it|the (?:article|story|news|report|piece))$|^who (?:ran|carried) (?:this|the)(?: (?:article|story|news|report|piece))$|^who (?:ran|carried) this$|^(?:which|what) (?:news )?(?:agency|outlet|newspaper|paper|publication|site|website|media|news service) (?:published|reported|ran|carried|broke|covered)\b|^(?:who|what)(?: is|'s| s| was) the (?:news )?source(?: of (?:this|it|the)(?: (?:article|story|news|report|piece))?)?$/;
const WHO = /^(?:who|whom|whose)\b|\b(?:who|whom)\b|\b(?:which|what) (?:person|people|organi[sz]ation|official|group|company|body|agency|institution)\b|\bname of the (?:person|author|official)\b/;
/** "what is the name of the spokesperson", "ombudsperson name", "what is she called": a person's name is asked for (any -person/-man/-woman word, or a role). */
const NAME_OF = /^(?:(?:and|so|ok) )?(?:what(?: is|'s| s| was)? (?:the |his |her |their )?name of (?:the )?(?:person|man|woman|author|official|[a-z]+(?:person|man|woman)|(?:\w+ )?(?:boss|chief|leader|head|minister|president|chairman|manager|coach|owner|founder))|(?:what(?: is|'s| s| was) (?:the |his |her |their )?)?(?:[a-z'-]+ ){0,3}(?:name|called)$)/;
/** Nouns for people and bodies: "which Spanish judge…", "which MP…", "what band…" ask who. */
const WHO_KINDS = [...ROLE_WORDS, 'mp', 'mps', 'band', 'team', 'club', 'firm', 'company', 'man', 'woman', 'person', 'people', 'group', 'official', 'organisation', 'organization', 'party', 'athlete', 'artist', 'musician', 'footballer', 'politician'];
const WHO_BY_KIND = new RegExp(`^(?:which|what)(?! (?:is|was|are|were|does|did|do|has|have|had)\\b)(?: [a-z-]+){0,2}? (?:${WHO_KINDS.join('|')})\\b`);
const RECIPIENT = /\bto whom\b|\bwho\b.*\b(?:to|received?|recipient|addressed to|sent to|written to)\b\s*$|\brecipient\b|\bwho (?:got|received)\b/;
const WHEN = /^when\b|\bwhen\b|\b(?:what|which) (?:year|date|day|month|time|decade)\b|\bsince when\b|\bhow long ago\b|\bwhat time\b/;
const WHERE = /^where\b|\bwhere\b|\b(?:which|what) (?:country|city|place|region|town|territor\w*|location|area|venue)\b/;
const HOW_MANY = /\bhow (?:many|much)\b|\b(?:what|which) (?:number|percentage|proportion|amount|share|figure)\b|\bhow (?:large|big|high|low|long|far|old)\b/;
const WHY = /^why\b|\bwhy\b|\b(?:what (?:is|was) the reason|for what reason|what caused|how come|what (?:is|was) the purpose)\b/;
const YES_NO = /^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|shall|may|might|must|isn't|aren't|wasn't|didn't|doesn't|hasn't|won't)\b/;
/** "do you know who…", "can you tell me when…": a wh-question asked politely, not a yes/no one. */
const POLITE_WH = /^(?:do|does|can|could|would) (?:you|u) (?:know|tell me|say)\b/;
const SUBJECT_ONLY = /^(?:(?:and|so|ok|well|then) )?(?:who|what) (?:is|are|was|were|'s|s) (?:the |a |an )?(.+)$/;
/** "tell me about Sabina Aliyeva": a summary, unless what follows is a person the articles give a role (who-is.ts). */
const ABOUT_SUBJECT = /^(?:tell (?:me|us) (?:something )?about|what do (?:you|u) know about) (?:the |a |an )?(.+)$/;

function fold(text: string): string {
  return foldText(text)
    // Punctuation goes, but not inside a number: "26,500", "2.5".
    .replace(/(?<!\d)[.,]|[.,](?!\d)|[?!;:]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => TYPO_FIXES[word] ?? word)
    .join(' ')
    .replace(/\bwho'?s\b/g, 'who is')
    .replace(/\bwhat'?s\b/g, 'what is')
    .trim();
}

/**
 * "When extensive time is required, what case is it?", "If she wrote it, who received
 * it?": a leading clause before a comma doesn't say what is asked; the clause after it does.
 */
function mainClause(text: string): string {
  const match = /^\s*(?:when|if|while|since|although|though|assuming|given|in considering|considering|after|before|once)\b[^,?]{3,},\s*(.+)$/i.exec(text);
  return match && /\b(?:who|whom|whose|what|which|when|where|why|how)\b/i.test(match[1]!) ? match[1]! : text;
}

/**
 * What people put before a question that is about the chat, not the news: "sorry, in
 * English: who…", "ok so quick question, who…", "hi, who…". Left in, "English" or "hi"
 * would be searched for as a name. Openers that continue the chat ("and", "so") stay.
 */
const PREAMBLE = /^(?:\s*(?:sorry|ok(?:ay)?|um+|hmm+|oh|hey|hi|hello|please|pls|thanks|thank you|excuse me|my bad|oops|never ?mind|in english|i mean|i meant|(?:a |one )?quick question|one more (?:question|thing)|another question|(?:my )?question(?: is)?)(?![\p{L}\p{N}'-])[\s,:;.!?-]*)+(?=\S)/iu;

/** Words of a summary question that say which article by when it came, not what about: "what's the latest news?". */
const RECENCY = new Set(['latest', 'newest', 'last', 'recent', 'current', 'news']);

/** Auxiliaries that end the noun phrase of "which Roma defender has…", "what body was…". */
export const AUXILIARY = /^(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|might|must|s|got|gets|get)$/;
/** The longest "which <noun phrase>" read: "which ex boeing finance chief". */
export const MAX_FOCUS_WORDS = 4;
/**
 * A past-tense verb ends the phrase only this early: "which team knocked…", "which american
 * company owned…". Further on, an "-ed" word is as likely a name ("which team beat
 * manchester united").
 */
const MAX_WORDS_BEFORE_VERB = 2;

/**
 * The head noun of a "which/what <noun phrase>" question: the last word before an
 * auxiliary ("which games studio does…"), a regular past-tense verb ("which team
 * knocked…") or an "of" ("which session of the COP…"). With none of them within reach
 * ("which mp said…": irregular verbs aren't known), the phrase can't be told from the
 * verb: no focus.
 */
function focusOf(folded: string): string | undefined {
  const phrase = /^(?:(?:and|so|ok) )?(?:which|what) (.+)$/.exec(folded)?.[1]?.split(' ');
  if (!phrase || AUXILIARY.test(phrase[0] ?? '')) return undefined;
  for (let i = 1; i <= MAX_FOCUS_WORDS && i < phrase.length; i++) {
    const word = phrase[i]!;
    // "which session of the COP": the head stands before its "of".
    if (word === 'of' || AUXILIARY.test(word) || (i <= MAX_WORDS_BEFORE_VERB && /ed$/.test(word) && word.length > 4)) return phrase[i - 1];
  }
  return undefined;
}

/** "what's the name of the woman who…", "what is the name of Neil Kinnock's wife": what is named. */
const NAME_OF_THING = /^(?:(?:and|so|ok) )?what(?: is| s|'s| was)? the name of (?:the |a |an )?(?:[a-z-]+(?:'s| s) )?(.+)$/;
/** Where the thing named ends: "the woman who…", "the player Spurs are signing", "the company making…", "the man charged…", "the album she released". */
const NAMED_THING_END = /^(?:who|whom|whose|which|that|where|when|of|in|at|on|for|from|with|by|to|he|she|they|it|we|you|i)$|ing$|^[a-z-]{3,}ed$/;
/** A named thing's head noun stands within this many words: "the iceland under-21 player". */
const MAX_NAMED_WORDS = 3;

/** The head noun of "the name of the X": "woman" of "the woman who accused Bill Cosby", "wife" of "Neil Kinnock's wife". */
function namedThing(folded: string): string | undefined {
  const rest = NAME_OF_THING.exec(folded)?.[1]?.split(' ');
  if (!rest) return undefined;
  const end = rest.findIndex((word) => AUXILIARY.test(word) || NAMED_THING_END.test(word));
  const phrase = rest.slice(0, end < 0 ? rest.length : end).slice(0, MAX_NAMED_WORDS);
  return phrase[phrase.length - 1];
}

/** "what did Jonny Evans say about the Mac mini": the speaker is what stands between the auxiliary and the verb. */
const SPEAKER = /^(?:(?:so|and|ok) )?what (?:does|did|do|has|have|is|was) (?:the )?(.+?) (?:say|saying|said|claim|claiming|allege|argue|state|assert)\b/;

/** "what's her job", "what is Callamard's role": who someone is, asked by their job. */
const JOB_OF = /^what(?: is| s|'s| was) (his|her|their|[a-z-]+'s|[a-z-]+ s) (?:job|role|position|title|occupation|post)$/;
const PRONOUN_SUBJECT: Record<string, string> = { his: 'he', her: 'she', their: 'they' };

/**
 * Reads a question as people type it: lower case, typos, no punctuation, and short forms
 * ("exec", "uni") that none of `articles` uses written out.
 */
export function parseQuestion(message: string, articles?: KnownTerms): ParsedQuestion {
  const text = (articles ? writeOutShortForms(message, articles) : message).replace(PREAMBLE, '');
  const job = JOB_OF.exec(fold(text));
  if (job) return parseQuestion(`who is ${PRONOUN_SUBJECT[job[1]!] ?? job[1]!.replace(/(?:'s| s)$/, '')}`);
  const folded = fold(text);
  const type = classify(fold(mainClause(text)));
  const unitMatch = /\bhow many ([a-z]+(?: [a-z]+)?)/.exec(folded);
  const subjectMatch = SUBJECT_ONLY.exec(folded) ?? ABOUT_SUBJECT.exec(folded);
  const parsed: ParsedQuestion = {
    folded,
    type,
    // "how old" asks for an age: "old" is not what the question is about; "the latest
    // article" asks for a summary of the newest, not one about "latest".
    topicWords: topicWords(withoutAskingWords(folded)).filter((word) => type !== 'summary' || !RECENCY.has(word)),
    wantsRecipient: type === 'who' && RECIPIENT.test(folded),
  };
  // "what did she say", "what does the article say": no one named, all the claims.
  const speaker = type === 'claims' ? SPEAKER.exec(folded)?.[1] : undefined;
  if (speaker && topicWords(speaker).length > 0) parsed.speaker = speaker;
  const focus = focusOf(folded) ?? namedThing(folded);
  if (focus && !STOPWORDS.has(focus)) parsed.focus = focus;
  if (unitMatch) parsed.unit = unitMatch[1]!.split(' ').filter((word) => !STOPWORDS.has(word))[0];
  if (subjectMatch && (type === 'who' || type === 'what' || type === 'summary')) parsed.subject = subjectMatch[1]!.trim();
  if (ANOTHER.test(folded)) parsed.another = true;
  return parsed;
}


function classify(folded: string): QuestionType {
  if (PUBLISHED.test(folded)) return 'published';
  if (SUMMARY.test(folded) && folded.split(' ').length <= 9) return 'summary';
  if (/^(?:summary|summarize|summarise|tldr|gist)$/.test(folded)) return 'summary';
  if (CLAIMS.test(folded)) return 'claims';
  if (HOW_MANY.test(folded)) return 'howMany';
  if (/^(?:who|whom|whose)\b/.test(folded) || WHO_BY_KIND.test(folded) || NAME_OF.test(folded)) return 'who';
  if (/^when\b/.test(folded) || /^(?:what|which) (?:year|date|day|month)\b/.test(folded)) return 'when';
  if (/^where\b/.test(folded)) return 'where';
  if (/^why\b/.test(folded)) return 'why';
  // "is the guy who bought it Australian?": an auxiliary first makes a yes/no question.
  if (YES_NO.test(folded) && !POLITE_WH.test(folded)) return 'yesNo';
  if (WHEN.test(folded)) return 'when';
  if (WHERE.test(folded)) return 'where';
  if (WHY.test(folded)) return 'why';
  if (WHO.test(folded)) return 'who';
  if (YES_NO.test(folded)) return 'yesNo';
  return 'what';
}

/** The words of a question that say what it is about. */
export function topicWords(folded: string): string[] {
  return words(folded).filter((word) => !STOPWORDS.has(word) && !QUESTION_FILLER.has(word) && word.length > 1);
}
