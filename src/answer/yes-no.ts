import { type SentenceFacts, YEAR } from '../knowledge/article-knowledge.js';
import type { EntityMention } from '../knowledge/entities.js';
import { attributed } from '../knowledge/claims.js';
import type { Candidate } from './candidates.js';
import { matchShare } from './evidence.js';
import { trimAround } from './passage.js';
import type { ParsedQuestion } from './question.js';
import type { QuestionTerms } from './question-terms.js';
import { irregularBase } from '../lexicon/morphology.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';

/** An opposite word ("temporary" for "permanent") answers no when the passage holds this share of the question's other words. */
const OPPOSED_COVERAGE = 0.3;
/**
 * A verdict allows some of the question's words to be missing from the passage (readers
 * paraphrase: "is a weaker dollar good for Bush" of "a weaker dollar is a boon to Bush"), up
 * to this share, when it has at least MIN_WORDS_TO_MISS_ANY besides its names: in "was the
 * letter fake" the missing word is the whole question. How much went missing is evidence
 * the yes/no calibrator weighs.
 */
const MAX_MISSING_SHARE = 0.5;
const MIN_WORDS_TO_MISS_ANY = 3;
/** Words that deny or doubt what follows: "not", "cannot", "yet to", "unlikely", "missed out on"; "far from" before a state ("far from happy", not "far from the city", "far from cutting jobs"). */
const NEGATION = /\b(?:not|no|never|cannot|n't|nor|neither|none|denied|denies|refused|refuses|rejected|rejects|failed|fails|missed|declined|without|yet to|no longer|unlikely|unsure|uncertain|doubtful|ruled out|turned down)\b/i;
/**
 * A question is negated by a plain "not": "was the bid turned down?", "was the plan
 * rejected?" ask about a refusal, and a passage that reports one answers yes.
 */
const QUESTION_NEGATION = /\b(?:not|never|n't|nor|neither|none)\b|\bno (?:longer|one)\b/;
/** Words of more than one token that deny: their first token is where the denial sits. */
const MULTI_WORD_NEGATION = /\b(?:yet to|no longer|ruled out|turned down|far from(?= (?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]+(?<!ing)\b))\b/g;
/** A question about what happened before now: "has there been a match in Spain before?", "has he ever won it?". */
const ASKS_BEFORE = /\b(?:before|ever|previously|already|yet)\s*\??$|\bever\b/;
/**
 * A first that is still to come says it never happened before: "the match will be the first
 * Heineken Cup fixture to be played in Spain", "he will move into the top 50 for the first
 * time". A first in the past ("won it for the first time in 2000") says it did happen;
 * "would first consult his lawyers" is an order of events, and "will not be the first" the
 * opposite claim.
 */
const FIRST_TO_COME = /\b(?:will|would|is to|are to|is set to|are set to|is due to|are due to|is going to|are going to)\b(?:(?!\bnot\b|\bnever\b)[^,;.:]){0,60}\b(?:the first|for the first time|first-ever)\b/i;
/**
 * A negation denies what follows it in its own clause: "…would not be introduced before
 * that general election" denies the election's words however far they stand, "comes
 * without a monitor, keyboard and mouse" the whole list, but "Hazel Blears also revealed
 * that police would not…" says nothing of the minister before it, "The company, which had
 * not been profitable, raised prices" nothing of the prices, and "If the appeal fails and it
 * continues breaking the rules, it could be fined" denies only the appeal. A clause ends at
 * punctuation (a comma unless a list goes on) or at a word that opens another clause.
 */
const CLAUSE_END = /^(?:and|but|while|whereas|although|though|because|which|who|when)$/;
/**
 * Words that put what follows in doubt rather than state it: "tipped as a possibility for
 * the role", "keen to know if inmates would be allowed to smoke", "the newspaper claimed he
 * received money". A passage that only hedges the question's words doesn't settle a yes or
 * a no. What is planned or expected ("is expected to announce", "would cut costs") is not
 * among them: readers take it for a yes (npm run fit: yes/no right 31.9% -> 29.8% with them,
 * no fewer wrong).
 */
const HEDGE = /^(?:if|whether|possibly|maybe|reportedly|allegedly|alleged|rumoured|rumored|tipped)$/;
/** "after being accused of helping to topple…", "accusing it of fraud": what an accusation reports is not settled either. */
const ACCUSED_OF = /^(?:accused|accuses|accusing|accusation|accusations)$/;
/** "speculation that he would quit", "comment that the team had received…": what talk of something reports is not settled. */
const TALK_THAT = /^(?:speculation|suggestion|suggestions|allegation|allegations|rumour|rumours|rumor|rumors|comment|comments|talk)$/;
/**
 * "…comment that the team had received a massive increase… and that is simply not the case",
 * "rumours that it sold fake keys were false": the sentence ends by denying what it reports.
 * Only at its end (a speaker may follow: "…, but that is simply not the case, his agent said")
 * and only of what came before: "it is not true that Arsenal are for sale" denies something else.
 */
const REPORT_DENIED = /\b(?:(?:that|this|which)(?:['’]s| is| was)|were|was|are|is)\s+(?:simply |just |absolutely |completely |totally )?(?:not (?:the case|true)|untrue|false|unfounded|groundless|baseless|nonsense|rubbish)(?:,?["”]?,? (?:[^,]{1,60} (?:said|says|added|insisted)|according to [^,]{1,60}))?\W*$/i;
/** "claimed" hedges what it reports ("claimed he received money"), not what it won ("claimed the top spot"). */
const CLAIMED_THAT = /^(?:that|he|she|it|they|we|i)$/;
/** "accused Kazakh officials of…": the "of" that says what stands within these few words of "accused". */
const ACCUSED_REACH = 5;
/** …and a long clause reaches no further than this many words. */
const NEGATION_REACH = 12;

export type Verdict = 'yes' | 'no' | 'unknown';

/** A verdict and how it was reached, as the scorer weighs it. */
export interface YesNoReading {
  verdict: Verdict;
  /** Share of the question's words (not names) the passage lacks: a missing one may be what makes a yes a no. */
  missing: number;
  /** Settled by the role the article gives the person (role-verdict.ts): a fact it states, whatever the passage quotes. */
  byRole?: boolean;
}

/**
 * Yes when the passage holds the question's words (other than names; a related word will
 * do; of three or more, up to half may be missing) with the same polarity; no when it holds them
 * negated ("unlikely" and "yet to" count), or holds the opposite of one of its words
 * ("temporary" for "is it permanent?"); otherwise the article doesn't say, and the reader
 * gets the passage. The names are checked already: every candidate's article holds them.
 */
export function readYesNo(question: ParsedQuestion, candidate: Pick<Candidate, 'evidence' | 'facts'>, terms: QuestionTerms, byRole?: Verdict): YesNoReading {
  // "is Martin Jol the Forest manager?": the role the article gives him settles it (role-verdict.ts).
  if (byRole) return { verdict: byRole, missing: 0, byRole: true };
  const { evidence, facts } = candidate;
  // "Shares rose" holds "rise" for "did shares rise?" and its opposite for "did shares fall?".
  const irregular = words(facts.text).flatMap((word) => irregularBase(word) ?? []).map(stem);
  const sentence = new Set([...facts.terms, ...irregular]);
  // "were 4000 displaced?" of "more than 250,000 … displaced": a figure the question gives is
  // a claim the passage must make itself (its article holding it elsewhere says nothing); a
  // year may be one its dates resolve to ("last year").
  const years = facts.dates.flatMap((date) => date.value.match(YEAR) ?? []);
  const figures = [...terms.names].filter((name) => /^\d/.test(name));
  if (figures.some((figure) => !sentence.has(figure) && !years.includes(figure))) return { verdict: 'unknown', missing: 1 };
  // A passage that names the person asked about only as the one it was done to ("a letter to
  // … Agnès Callamard") says nothing of what she did: "did Callamard write the letter?".
  if (doneTo(facts, question.folded, terms)) return { verdict: 'unknown', missing: 1 };
  // An opposite the question uses itself denies only where the passage uses it more often:
  // "did he lose in the first round last year?" of "After losing in round one last year…"
  // ("last" is first's opposite, and the question's own), but "did Leeds win … after losing
  // to Wigan?" of "Leeds lost again …, a week after losing to Wigan".
  const timesIn = (text: string, target: string): number => words(text).filter((word) => stem(word) === target || stem(irregularBase(word) ?? '') === target).length;
  const surplus = (opposite: string): boolean => timesIn(facts.text, opposite) > timesIn(question.folded, opposite);
  const opposed = [...terms.antonyms].some(([term, opposites]) => !sentence.has(term) && opposites.some((opposite) => sentence.has(opposite) && surplus(opposite)));
  if (opposed && evidence.contentCoverage >= OPPOSED_COVERAGE) return { verdict: 'no', missing: 0 };
  const contentWords = [...terms.weights.keys()].filter((term) => !terms.names.has(term));
  const missing = contentWords.filter((term) => matchShare(sentence, term, terms) === 0).length;
  const share = contentWords.length === 0 ? 0 : missing / contentWords.length;
  const allowed = contentWords.length >= MIN_WORDS_TO_MISS_ANY ? MAX_MISSING_SHARE : 0;
  if (share > allowed) return { verdict: 'unknown', missing: share };
  const negatedQuestion = QUESTION_NEGATION.test(question.folded);
  if (anotherDoer(facts.text, question.folded, terms)) return { verdict: negatedQuestion ? 'yes' : 'no', missing: share };
  const firstToCome = ASKS_BEFORE.test(question.folded) && FIRST_TO_COME.test(facts.text);
  // A denial answers even where a hedge stands too: "Asked if he would quit, Wenger said he would not".
  const tokens = clauseTokens(facts.text);
  const negatedPassage = firstToCome || negatesQuestionWords(tokens, terms, question.folded);
  if (!negatedPassage && hedges(tokens, terms, question.folded)) {
    // What is only reported, then denied ("comment that the team had received a massive increase… and that is simply not the case"), is a no.
    if (!REPORT_DENIED.test(facts.text)) return { verdict: 'unknown', missing: share };
    return { verdict: negatedQuestion ? 'yes' : 'no', missing: share };
  }
  return { verdict: negatedPassage === negatedQuestion ? 'yes' : 'no', missing: share };
}

/** "Yes.", "No.", or an attributed "The letter says so: …" for a contested claim. */
export function yesNoShort(verdict: Verdict, candidate: Candidate, terms: QuestionTerms): string {
  const claim = candidate.facts.claim;
  // "is Benitez the Chelsea manager?" of "Reds manager Rafael Benitez said…": the role answers, not what he said.
  if (claim && verdict !== 'unknown' && !candidate.yesNo?.byRole) {
    const says = verdict === 'yes' ? 'says so' : 'says no';
    return `The article doesn't state that as fact; ${claim.source} ${says}. ${attributed(claim, trimAround(claim.content, terms.stems, 200))}`;
  }
  if (verdict === 'yes') return 'Yes.';
  if (verdict === 'no') return 'No.';
  return "The article doesn't say. The closest it comes:";
}

/**
 * "hosted by Azerbaijan last year", "captained by New Zealand winger Jonah Lomu": a regular
 * verb's doers, the capitalised names in the few words after its "by".
 */
const DONE_BY = /\b([a-z]+ed) by ((?:[\p{L}\p{N}'’.-]+ ?){1,6})/gu;
/** "did Armenia host…", "has he…": the auxiliaries after which a question names the doer before its verb. */
const ACTIVE_AUXILIARY = /^(?:did|does|do|has|have|had|will|would|can|could)$/;
/** How many words before a verb its subject may stand ("Armenia hosted", "Armenia has hosted"). */
const SUBJECT_REACH = 3;

/**
 * "did Armenia host COP29?", "was COP29 hosted by Armenia?" of "COP29, hosted by Azerbaijan":
 * the question names who did it, and the passage names others after its "by" and not the one
 * asked just before the verb ("Armenia hosted the talks, while the summit was hosted by…").
 * Only a passage about what the question is about: "a side captained by Jonah Lomu" says
 * nothing of who captained the Lions.
 */
function anotherDoer(text: string, question: string, terms: QuestionTerms): boolean {
  const sentenceWords = words(text);
  const sentence = new Set(sentenceWords.map(stem));
  const questionWords = words(question);
  for (const [, verb, after] of text.matchAll(DONE_BY)) {
    const done = stem(verb!);
    if (!terms.anchorStems.has(done)) continue;
    const asked = askedDoer(questionWords, done).filter((term) => terms.names.has(term));
    const named = new Set(words((after!.match(/\p{Lu}[\p{L}\p{N}'’.-]*/gu) ?? []).join(' ')).map(stem));
    const aboutSame = [...terms.names].every((term) => asked.includes(term) || sentence.has(term));
    const askedActs = sentenceWords.some((word, i) => stem(word) === done && sentenceWords.slice(Math.max(0, i - SUBJECT_REACH), i).some((before) => asked.includes(stem(before))));
    if (asked.length > 0 && aboutSame && !askedActs && !asked.some((term) => named.has(term))) return true;
  }
  return false;
}

/**
 * The stems of whoever the question says did it: after its "by" ("was cop29 hosted by
 * armenia"), or between "did", "has"… and the verb ("did armenia host"). After "is" or "was"
 * the words before the verb are what was done to ("was cop29 hosted in azerbaijan").
 */
function askedDoer(questionWords: string[], done: string): string[] {
  const verbAt = questionWords.findIndex((word) => stem(word) === done);
  if (verbAt < 0) return [];
  if (questionWords[verbAt + 1] === 'by') return questionWords.slice(verbAt + 2).map(stem);
  return ACTIVE_AUXILIARY.test(questionWords[0] ?? '') ? questionWords.slice(1, verbAt).map(stem) : [];
}

/**
 * What stands before a name the passage names as the one something went to: "to", with its
 * role between ("to the Secretary General of … Agnès Callamard"); not "according to",
 * "thanks to", "due to", "next to", "compared to", which name no recipient.
 */
const RECIPIENT_BEFORE = /(?<!\b(?:according|thanks|due|owing|next|compared|close|similar|prior|contrary|addition|relation|response|reference|regard)\s)\bto\s+(?:the\s+)?$/i;
/** "sold to Musk, who then fired half the staff": the recipient goes on to act. */
const ACTS_AFTER = /^[’']?s?\s*,?\s+(?:who|which)\b/;

/** Verbs whose doer is the one something goes to: "did PayPal get the domain handed back?" of "handed back to PayPal". */
const RECEIVING = /^(?:get|got|gets|receive|received|receives|obtain|obtained|gain|gained|win|won|earn|earned|accept|accepted|have|has|had|take|took)$/;

/**
 * "did Callamard write the letter?": the names the question gives as the doer (after its
 * "did", "has"…) stand in the passage only as the one it was done to.
 */
function doneTo(facts: SentenceFacts, question: string, terms: QuestionTerms): boolean {
  const questionWords = words(question);
  if (!ACTIVE_AUXILIARY.test(questionWords[0] ?? '')) return false;
  const doer: string[] = [];
  for (const word of questionWords.slice(1)) {
    if (!terms.names.has(stem(word))) break;
    doer.push(stem(word));
  }
  const verb = questionWords[1 + doer.length];
  if (doer.length === 0 || (verb !== undefined && RECEIVING.test(verb))) return false;
  const named = facts.entities.filter((entity) => words(entity.text).some((word) => doer.includes(stem(word))));
  const phraseStart = (entity: EntityMention): number => {
    const role = entity.role ? facts.text.lastIndexOf(entity.role, entity.start) : -1;
    return role >= 0 ? role : entity.start;
  };
  return named.length > 0 && named.every((entity) => RECIPIENT_BEFORE.test(facts.text.slice(0, phraseStart(entity))) && !ACTS_AFTER.test(facts.text.slice(entity.end)));
}

/** "no doubt", "not only", "No 10": a negation word that denies nothing. */
const NOT_A_DENIAL = /^(?:no doubt|not only|without a doubt|without doubt|no \d)/;
/** A list goes on past its comma: "without a monitor, keyboard and mouse". */
const LIST_AFTER_COMMA = 4;

/**
 * A negation with one of the question's words (or a related word) after it in its clause.
 * A negation word the question itself uses is what it asks about, not a denial: "did
 * Beckham miss the penalty?" of "Beckham missed the penalty". A negation of several words
 * is the question's own only when the question holds all of them together, in any form:
 * "has he agreed to terms yet?" of "he has yet to agree terms" asks about an agreement, not
 * about "yet to"; "did he keep turning down the role?" asks about "turned down".
 */
function negatesQuestionWords(tokens: string[], terms: QuestionTerms, questionText: string): boolean {
  const phrase = tokens.join(' ');
  const multiWord = new Map([...phrase.matchAll(MULTI_WORD_NEGATION)].map((match) => [phrase.slice(0, match.index).split(' ').length - 1, match[0]] as const));
  const asked = askedIn(terms);
  const questionStems = ` ${words(questionText).map(stem).join(' ')} `;
  const askedNegation = (at: number): boolean => {
    const several = multiWord.get(at);
    return several === undefined ? asked(tokens[at]!) : questionStems.includes(` ${words(several).map(stem).join(' ')} `);
  };
  const denies = (at: number): boolean => !askedNegation(at) && !NOT_A_DENIAL.test(tokens.slice(at, at + 3).join(' '));
  const negations = [...tokens.flatMap((token, i) => (NEGATION.test(token) || /n['’]t$/.test(token) ? [i] : [])), ...multiWord.keys()].filter(denies);
  const denying = negations.filter((at) => reachesAsked(tokens, at, asked));
  if (denying.length === 0) return false;
  const inAnsweringClause = answeringClauses(tokens, terms);
  return denying.some(inAnsweringClause);
}

/**
 * Whether a word stands in a clause that holds the most of the question's words (not its
 * names): "Researchers have not updated projections for women, who on average live longer
 * than men" answers "do women live longer than men?" in its second clause, where nothing is
 * denied; "…is set to increase, although not by as much as planned" answers "is spending
 * going up?" in its first. Clauses end at a comma, a semicolon or a colon that goes on with
 * no list.
 */
function answeringClauses(tokens: string[], terms: QuestionTerms): (at: number) => boolean {
  const content = contentStemsOf(terms);
  const clauseOf: number[] = [];
  const held: number[] = [0];
  tokens.forEach((token, i) => {
    if (/^[,;:]$/.test(token) && !(token === ',' && continuesList(tokens, i))) held.push(0);
    clauseOf.push(held.length - 1);
    if (content.has(stem(words(token)[0] ?? ''))) held[held.length - 1]! += 1;
  });
  const most = Math.max(...held);
  return (at) => most === 0 || held[clauseOf[at]!] === most;
}

/**
 * Whether the passage holds the question's words (not its names) only where a hedge ("if",
 * "tipped", "claimed he…") reaches them in its clause: "Kate Beckinsale had been tipped
 * for the role" settles nothing, "Tautou has won the role, beating Beckinsale, who had been
 * tipped for it" does. A hedge the question uses itself is what it asks about ("did the
 * paper claim he took money?").
 */
function hedges(tokens: string[], terms: QuestionTerms, questionText: string): boolean {
  const asked = askedIn(terms);
  const questionWords = new Set(words(questionText));
  const hedgeAt = (at: number): boolean => {
    const token = tokens[at]!;
    if (questionWords.has(token) || asked(token)) return false;
    return HEDGE.test(token) || (token === 'claimed' && CLAIMED_THAT.test(tokens[at + 1] ?? '')) || (TALK_THAT.test(token) && tokens[at + 1] === 'that') || (ACCUSED_OF.test(token) && tokens.slice(at + 1, at + ACCUSED_REACH).includes('of'));
  };
  const hedged = new Set(tokens.flatMap((_, at) => (hedgeAt(at) ? clauseAfter(tokens, at) : [])));
  const contentStems = contentStemsOf(terms);
  const held = tokens.flatMap((token, at) => (contentStems.has(stem(words(token)[0] ?? '')) ? [at] : []));
  return held.some((at) => hedged.has(at)) && held.every((at) => hedged.has(at));
}

/** The stems of the question's words that are not names, with their related words': what a passage must say of them. */
function contentStemsOf(terms: QuestionTerms): Set<string> {
  return new Set([...terms.weights.keys()].filter((term) => !terms.names.has(term)).flatMap((term) => [term, ...(terms.alternatives.get(term) ?? [])]));
}

/** The passage's words and the punctuation that ends a clause, each a token of its own. */
function clauseTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}'’]+|[,;:.!?—–]|\s-\s/gu) ?? []).map((token) => token.trim());
}

/** Whether a token is one of the question's words or a related word. */
function askedIn(terms: QuestionTerms): (token: string) => boolean {
  return (token) => terms.anchorStems.has(stem(words(token)[0] ?? ''));
}

/** Whether a question's word follows the word at `at` in its clause. */
function reachesAsked(tokens: string[], at: number, asked: (token: string) => boolean): boolean {
  return clauseAfter(tokens, at).some((i) => asked(tokens[i]!));
}

/** The places of the words after `at` in its clause, NEGATION_REACH at most (a list goes on past its comma). */
function clauseAfter(tokens: string[], at: number): number[] {
  const places: number[] = [];
  for (let i = at + 1; i < tokens.length && i - at <= NEGATION_REACH; i++) {
    const token = tokens[i]!;
    if (token === ',' && continuesList(tokens, i)) continue;
    if (!/[\p{L}\p{N}]/u.test(token) || CLAUSE_END.test(token)) break;
    places.push(i);
  }
  return places;
}

/** Whether the comma at `comma` goes on with a list: an "and" or "or" a few words on, before any other punctuation. */
function continuesList(tokens: string[], comma: number): boolean {
  for (let i = comma + 1; i < tokens.length && i - comma <= LIST_AFTER_COMMA; i++) {
    if (tokens[i] === 'and' || tokens[i] === 'or') return true;
    if (!/[\p{L}\p{N}]/u.test(tokens[i]!)) return false;
  }
  return false;
}
