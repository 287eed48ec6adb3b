import { refOf } from '../content/article.js';
import type { ArticleKnowledge, SentenceFacts } from '../knowledge/article-knowledge.js';
import type { Claim } from '../knowledge/claims.js';
import { formatDate } from '../knowledge/dates.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { QueryTerm, SentenceHit } from '../knowledge/search-index.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import type { Answer, AnswerContext } from './answer.js';
import { type Extraction, type ExtractionInput, capitalise, extractHowMany, extractWhen, extractWhere, extractWho, extractWhy, withRole } from './extract.js';
import { MAX_SUPPORT_CHARS, passageOf, trimAround, trimTo, withContinuation } from './passage.js';
import { type ParsedQuestion, parseQuestion, topicWords } from './question.js';
import { synonymsOf } from '../text/synonyms.js';

/** Below this share of the question's weight found in the supporting text: "not found". */
const MIN_COVERAGE = 0.4;
/** "where is this news from", "where was the article written": the article itself, not an event. */
const FILED_FROM = /^where (?:is|was|are|were|does|did) (?:this|it|the (?:news|article|story|piece))(?: \w+)? (?:from|filed|written|reported|published|come from|dated)\b|^where (?:is|was) (?:this|it) from\b/;
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);
const YEAR = /^(1[89]|20)\d\d$/;
/** Ranking adds this times the coverage: of two close passages, the one holding more of the question wins. */
const COVERAGE_WEIGHT = 0.3;
/** When the best-scoring passage holds too little of the question, one scoring this close may answer instead. */
const NEAR_BEST = 0.85;
/** Passages scoring at least this share of the best are searched for a typed answer (a date, a number). */
const CONTENDER_SHARE = 0.65;
/** How much the article under discussion is preferred over others, in score units. */
const CONTEXT_BONUS = 0.6;
/** A whole answer (short answer, supporting sentence, source line) fits a phone screen. */
const MAX_REPLY_CHARS = 400;
/** The longest a supporting sentence may be, when the reply has room for it. */
const MAX_SENTENCE_CHARS = 320;
/** A runner-up from the same paragraph scoring this close to the best is quoted with it. */
const NEAR_TIE = 0.75;
/** Words of "what claims does the letter make" that ask for claims, not for a topic. */
const CLAIM_WORDS = new Set(['claim', 'make', 'main', 'kei', 'list', 'alleg', 'accus', 'argument', 'argu', 'point', 'rais', 'contain', 'all', 'statement', 'assert']);

interface Terms {
  query: QueryTerm[];
  /** Stems of the question's own words. */
  stems: Set<string>;
  /** Those plus the stems of their synonyms: where in a sentence the answer is near. */
  anchorStems: Set<string>;
  /** Synonym stems that also count as a match for a question stem. */
  alternatives: Map<string, string[]>;
  /** Each stem's weight in the coverage sum; unknown words weigh the most. */
  weights: Map<string, number>;
  words: string[];
}

/** Answers questions from the articles of a knowledge base. Stateless: context comes in. */
export class Answerer {
  /** Per article and paragraph, computed on first use: articles never change once built. */
  private readonly nearbyCache = new WeakMap<ArticleKnowledge, Map<number, Set<string>>>();

  constructor(private readonly knowledge: KnowledgeBase) {}

  answer(text: string, context: AnswerContext = {}): Answer {
    let question = parseQuestion(text);
    question = this.resolveFollowUp(question, context);
    const contextArticle = context.articleId ? this.knowledge.get(context.articleId) : undefined;
    const terms = this.termsOf(question.topicWords, contextArticle?.article.id);

    if (question.type === 'summary') return this.summary(this.pickArticle(terms, contextArticle), terms);
    if (question.type === 'published') return this.published(this.pickArticle(terms, contextArticle), terms);
    if (question.type === 'where' && FILED_FROM.test(question.folded)) return this.filedFrom(this.pickArticle(terms, contextArticle), terms);
    if (question.type === 'claims') return this.claims(this.pickArticle(terms, contextArticle), terms);
    if (terms.query.length === 0) return this.notFound(terms, contextArticle);

    const whoIs = this.whoIs(question, terms, contextArticle);
    if (whoIs) return whoIs;

    const hits = this.knowledge.index.search(terms.query, {
      limit: 30,
      boostArticle: contextArticle?.article.id,
      boost: CONTEXT_BONUS,
    });
    if (hits.length === 0) return this.notFound(terms, contextArticle);
    const scored = hits
      .map((hit) => {
        const coverage = this.coverage(hit, terms);
        const score = hit.score + (holdsAnswerType(question, hit.sentence.facts) ? TYPE_BONUS : 0) + COVERAGE_WEIGHT * coverage;
        return { hit: { ...hit, score }, coverage };
      })
      .sort((a, b) => b.hit.score - a.hit.score);
    // The best passage that holds enough of the question; none means "not found".
    const minCoverage = minCoverageFor(terms.weights.size);
    const best = scored[0]!.hit.score;
    const top = scored.find(({ hit, coverage }) => coverage >= minCoverage && hit.score >= best * NEAR_BEST);
    if (!top) return this.notFound(terms, contextArticle);

    // Among close contenders, prefer a sentence that holds the kind of answer asked for.
    const contenders = scored.filter(
      ({ hit, coverage }) => hit.score >= top.hit.score * CONTENDER_SHARE && coverage >= minCoverage && hit.sentence.knowledge === top.hit.sentence.knowledge,
    );
    // "Who dropped Mido": the answer is in a sentence with that verb (or "axed"), not in
    // one that only names the same people.
    const verb = question.type === 'who' ? actionOf(question, terms) : undefined;
    const withVerb = verb
      ? scored.filter(
          ({ hit, coverage }) =>
            coverage >= minCoverage && hit.sentence.knowledge === top.hit.sentence.knowledge && verb.some((form) => hit.sentence.facts.terms.includes(form)),
        )
      : [];
    for (const { hit, coverage } of [...withVerb, ...contenders].slice(0, 4 + withVerb.length)) {
      const extraction = this.extract(question, hit.sentence.facts, hit.sentence.knowledge, terms);
      if (extraction) return this.compose(question, hit, coverage, extraction, terms);
    }
    // The date or name is often in the sentence next to the one that matches the words.
    const { facts, knowledge } = top.hit.sentence;
    for (const neighbour of [knowledge.sentences[facts.position + 1], knowledge.sentences[facts.position - 1]]) {
      if (!neighbour || neighbour.paragraph !== facts.paragraph) continue;
      const extraction = this.extract(question, neighbour, knowledge, terms);
      if (extraction) {
        const hit = { ...top.hit, sentence: { ...top.hit.sentence, facts: neighbour } };
        return this.compose(question, hit, top.coverage * 0.8, extraction, terms);
      }
    }
    // "How old is Mido": an age is given once, often as "the 21-year-old" without the name.
    if (question.type === 'howMany' && /\bhow old\b/.test(question.folded)) {
      // The age next to the name asked about first ("Mrs Hassan, 59,"), else the article's first.
      const namesSubject = (sentence: SentenceFacts): boolean => sentence.terms.some((term) => terms.weights.has(term));
      for (const sentence of [...knowledge.sentences.filter(namesSubject), ...knowledge.sentences]) {
        const extraction = this.extract(question, sentence, knowledge, terms);
        if (extraction) return this.compose(question, { ...top.hit, sentence: { ...top.hit.sentence, facts: sentence } }, top.coverage * 0.8, extraction, terms);
      }
    }
    const runnerUp = scored.find(({ hit }) => hit !== top.hit && hit.sentence.knowledge === knowledge && hit.sentence.facts.paragraph === facts.paragraph);
    const tie = runnerUp && runnerUp.hit.score >= top.hit.score * NEAR_TIE ? runnerUp.hit.sentence.facts : undefined;
    return this.compose(question, top.hit, top.coverage, undefined, terms, tie);
  }

  /** "and when?", "who is she?": reuse the last topic and people of this chat. */
  private resolveFollowUp(question: ParsedQuestion, context: AnswerContext): ParsedQuestion {
    const pronoun = /\b(she|he|her|him|they|them|his|hers|their)\b/.test(question.folded);
    if (pronoun && context.people?.length) {
      const person = context.people[0]!;
      const folded = question.folded.replace(/\b(she|he|her|him|they|them|his|hers|their)\b/, person.toLowerCase());
      return { ...question, folded, topicWords: topicWords(folded), subject: question.subject ? person.toLowerCase() : undefined };
    }
    const isFollowUp = question.topicWords.length === 0 || /^(and|what about|how about|also)\b/.test(question.folded);
    if (isFollowUp && context.topicWords?.length && !['summary', 'published', 'claims'].includes(question.type)) {
      const extra = question.topicWords.filter((word) => !['and', 'about'].includes(word));
      return { ...question, topicWords: [...new Set([...context.topicWords, ...extra])] };
    }
    return question;
  }

  /** Stems to search for, with typos corrected towards the article in hand first. */
  private termsOf(topic: string[], articleId: string | undefined): Terms {
    const index = this.knowledge.index;
    const articleVocabulary = articleId ? this.knowledge.articleVocabulary(articleId) : undefined;
    const query: QueryTerm[] = [];
    const weights = new Map<string, number>();
    const alternatives = new Map<string, string[]>();
    const used: string[] = [];
    for (const word of topic) {
      let term = stem(word);
      let usedWord = word;
      if (!index.knows(term)) {
        const corrected = articleVocabulary?.correct(word) ?? this.knowledge.vocabulary.correct(word);
        if (corrected && index.knows(stem(corrected))) {
          term = stem(corrected);
          usedWord = corrected;
        }
      }
      if (weights.has(term)) continue;
      const known = index.knows(term);
      // Synonyms ("wrote" ~ "addressed") and derived forms ("married" ~ "marriage") count at half weight.
      const synonyms = [...new Set([...synonymsOf(usedWord).map(stem), ...index.relatedStems(term)])].filter((synonym) => synonym !== term && index.knows(synonym));
      // An unknown word weighs half the rarest known one: "capital of France" finds nothing
      // here, but one odd word doesn't sink an otherwise well-matched question.
      const synonymIdf = Math.max(0, ...synonyms.map((synonym) => index.idf(synonym)));
      // A year no article mentions ("who won in 2022") means the question is about
      // something else entirely: it outweighs the rest.
      const unknownWeight = YEAR.test(term) ? index.maxIdf() * 3 : index.maxIdf() * 0.5;
      // "What are the two…": a count of the answer's parts, not what the question is about.
      const countWord = NUMBER_WORDS.has(usedWord);
      weights.set(term, countWord ? 0.5 : known ? Math.max(index.idf(term), 0.2) : synonyms.length > 0 ? synonymIdf : unknownWeight);
      alternatives.set(term, synonyms);
      used.push(usedWord);
      if (known) query.push({ term, weight: 1 });
      for (const synonym of synonyms) query.push({ term: synonym, weight: 0.5 });
    }
    const stems = new Set(weights.keys());
    const anchorStems = new Set([...stems, ...[...alternatives.values()].flat()]);
    return { query, stems, anchorStems, alternatives, weights, words: used };
  }

  /**
   * Share of the question's weight present in the sentence (fully) or its paragraph and
   * headline (half). A year the question names must be in the passage (as written, or as
   * "last year" resolved): otherwise the passage is about another time, and the share halves.
   * A question of three words or more must share at least two with the passage.
   */
  private coverage(hit: SentenceHit, terms: Terms): number {
    const { facts, knowledge } = hit.sentence;
    const sentenceTerms = new Set(facts.terms);
    const nearby = this.nearbyTerms(knowledge, facts.paragraph);
    let total = 0;
    let found = 0;
    let missingYear = false;
    let matched = 0;
    for (const [term, weight] of terms.weights) {
      total += weight;
      const forms = [term, ...(terms.alternatives.get(term) ?? [])];
      if (forms.some((form) => sentenceTerms.has(form))) found += weight;
      else if (forms.some((form) => nearby.has(form))) found += weight * 0.5;
      else {
        if (YEAR.test(term)) missingYear = true;
        continue;
      }
      matched += 1;
    }
    // One rare word in common ("bicycle") is a coincidence, not an answer.
    if (terms.weights.size >= 3 && matched < 2) return 0;
    const share = total === 0 ? 0 : found / total;
    return missingYear ? share / 2 : share;
  }

  /** A paragraph's terms with its article's headline and tags, and the years its dates resolve to. */
  private nearbyTerms(knowledge: ArticleKnowledge, paragraph: number): Set<string> {
    let byParagraph = this.nearbyCache.get(knowledge);
    if (!byParagraph) this.nearbyCache.set(knowledge, (byParagraph = new Map()));
    let terms = byParagraph.get(paragraph);
    if (!terms) {
      const sentences = knowledge.sentences.filter((sentence) => sentence.paragraph === paragraph);
      terms = new Set([
        ...knowledge.titleTerms,
        ...knowledge.tagTerms,
        ...sentences.flatMap((sentence) => sentence.terms),
        ...sentences.flatMap((sentence) => sentence.dates.flatMap((date) => date.value.match(/\b(1[89]|20)\d\d\b/g) ?? [])),
      ]);
      byParagraph.set(paragraph, terms);
    }
    return terms;
  }

  private extract(question: ParsedQuestion, facts: SentenceFacts, knowledge: ArticleKnowledge, terms: Terms): Extraction | undefined {
    const input: ExtractionInput = {
      facts,
      question,
      questionStems: terms.stems,
      anchorStems: terms.anchorStems,
      articleDate: knowledge.article.date,
      roleOf: (name) => knowledge.people.get(words(name).join(' '))?.role,
    };
    switch (question.type) {
      case 'who':
        return extractWho(input);
      case 'when':
        return extractWhen(input) ?? this.undatedEvent(facts, knowledge);
      case 'where':
        return extractWhere(input) ?? (knowledge.article.dateline && facts.position < 2 ? { short: knowledge.article.dateline, people: [] } : undefined);
      case 'howMany':
        return extractHowMany(input);
      case 'why':
        return extractWhy(input);
      default:
        return undefined;
    }
  }

  /** The lede has no date of its own: the event is the news of the article's date. */
  private undatedEvent(facts: SentenceFacts, knowledge: ArticleKnowledge): Extraction | undefined {
    if (facts.position > 1 || !knowledge.article.date) return undefined;
    return { short: `${formatDate(knowledge.article.date)}, the date of the report (it gives no other date)`, people: [] };
  }

  private compose(question: ParsedQuestion, hit: SentenceHit, coverage: number, extraction: Extraction | undefined, terms: Terms, alsoMatching?: SentenceFacts): Answer {
    const { facts, knowledge } = hit.sentence;
    // The sentence gets what room the reply has left after the short answer and the source
    // line ("Source: headline (publisher, 1 May 2025)"), so the answer and its evidence
    // stay whole where they can.
    const sourceChars = knowledge.article.title.length + (knowledge.article.source?.length ?? 0) + 30;
    const shortChars = extraction ? extraction.short.length + 10 : NOT_STATED[question.type] ? 60 : 0;
    const room = Math.max(MAX_SUPPORT_CHARS / 2, Math.min(MAX_SENTENCE_CHARS, MAX_REPLY_CHARS - sourceChars - shortChars));
    const sentence = trimAround(extraction ? facts.text : alsoMatching ? passageOf(facts, alsoMatching, room) : withContinuation(facts, knowledge, room), terms.stems, room);
    const claim = facts.claim;
    let short: string;
    let support: string | undefined = sentence;
    let confidence = coverage;
    if (extraction) {
      short = extraction.short;
      if (claim && (question.type === 'howMany' || question.type === 'why')) short = `According to ${claim.source}, ${lowerFirst(short)}`;
    } else if (NOT_STATED[question.type]) {
      // Asked for a name, date, place or number the best passage doesn't hold: say so.
      short = NOT_STATED[question.type]!;
      confidence *= 0.5;
    } else if (claim && question.type === 'yesNo') {
      short = `The article doesn't state that as fact. ${attributed(claim, trimAround(claim.content, terms.stems, 200))}`;
    } else if (claim && !/^according to\b/i.test(sentence)) {
      short = attributed(claim, trimAround(claim.content, terms.stems));
    } else {
      short = /[.!?)"”…]$/.test(sentence) ? sentence : `${sentence}.`;
      support = undefined;
    }
    return {
      type: question.type,
      short,
      ...(support && support !== short ? { support } : {}),
      article: refOf(knowledge.article),
      ...(knowledge.article.source ? { publisher: knowledge.article.source } : {}),
      confidence: round(Math.min(1, confidence)),
      people: extraction?.people.length ? extraction.people : facts.entities.filter((e) => e.kind === 'person').map((e) => e.text),
      topicWords: terms.words,
    };
  }

  /** "who is callamard", "callamard": the role the article gives a named person. */
  private whoIs(question: ParsedQuestion, terms: Terms, contextArticle: ArticleKnowledge | undefined): Answer | undefined {
    const subjectWords = question.subject ? topicWords(question.subject) : question.type === 'what' && question.topicWords.length <= 3 ? question.topicWords : undefined;
    if (!subjectWords?.length || subjectWords.length > 4) return undefined;
    const wanted = new Set(terms.words.filter((word) => subjectWords.includes(word) || !question.topicWords.includes(word)));
    if (wanted.size === 0) return undefined;
    const articles = contextArticle ? [contextArticle, ...this.knowledge.index.searchArticles(terms.query, 5).map((a) => a.knowledge)] : this.knowledge.index.searchArticles(terms.query, 5).map((a) => a.knowledge);
    for (const knowledge of articles) {
      for (const [key, person] of knowledge.people) {
        const nameWords = key.split(' ');
        if (![...wanted].every((word) => nameWords.includes(word))) continue;
        if (person.kind !== 'person' || !person.role) continue;
        const sentence = knowledge.sentences[person.position]!;
        return {
          type: 'who',
          short: `${withRole(person.name, person.role).replace(/, (the |a |an )?/, ' is $1')}.`,
          support: trimAround(sentence.text, terms.stems),
          article: refOf(knowledge.article),
          ...(knowledge.article.source ? { publisher: knowledge.article.source } : {}),
          confidence: 1,
          people: [person.name],
          topicWords: terms.words,
        };
      }
    }
    return undefined;
  }

  private pickArticle(terms: Terms, contextArticle: ArticleKnowledge | undefined): ArticleKnowledge | undefined {
    if (terms.query.length > 0) {
      const best = this.knowledge.index.searchArticles(terms.query, 1)[0];
      if (best && (!contextArticle || best.knowledge !== contextArticle)) {
        const sentenceHits = this.knowledge.index.search(terms.query, { limit: 1, onlyArticle: best.knowledge.article.id });
        if (sentenceHits[0] && this.coverage(sentenceHits[0], terms) >= MIN_COVERAGE) return best.knowledge;
      }
    }
    return contextArticle ?? this.knowledge.latest(1)[0];
  }

  private summary(knowledge: ArticleKnowledge | undefined, terms: Terms): Answer {
    if (!knowledge) return this.notFound(terms, undefined);
    const [first, second] = knowledge.sentences.map((s) => s.text);
    const lede = second && (first ?? '').length + second.length < 420 ? `${first} ${second}` : (first ?? knowledge.article.title);
    return this.articleAnswer('summary', knowledge, trimTo(lede, 420), terms);
  }

  /** "Where is this news from?": the dateline, or the publisher when there is none. */
  private filedFrom(knowledge: ArticleKnowledge | undefined, terms: Terms): Answer {
    if (!knowledge) return this.notFound(terms, undefined);
    const { dateline, source } = knowledge.article;
    const short = dateline
      ? `It was filed from ${dateline}${source ? ` by ${source}` : ''}.`
      : `The article doesn't say where it was filed from${source ? `; it was published by ${source}` : ''}.`;
    return { ...this.articleAnswer('where', knowledge, short, terms), confidence: dateline ? 1 : 0.5 };
  }

  private published(knowledge: ArticleKnowledge | undefined, terms: Terms): Answer {
    if (!knowledge) return this.notFound(terms, undefined);
    const { date, source } = knowledge.article;
    const short = date
      ? `It was published on ${formatDate(date)}${source ? ` by ${source}` : ''}.`
      : `The article carries no publication date${source ? ` (source: ${source})` : ''}.`;
    return this.articleAnswer('published', knowledge, short, terms);
  }

  private claims(knowledge: ArticleKnowledge | undefined, terms: Terms): Answer {
    if (!knowledge) return this.notFound(terms, undefined);
    const claims = knowledge.sentences.filter((sentence) => sentence.claim);
    if (claims.length === 0) {
      return { ...this.articleAnswer('claims', knowledge, 'This article reports no attributed claims.', terms), confidence: 0.3 };
    }
    // Words that name the speaker ("letter", "ombudsperson") don't narrow the topic.
    const sourceStems = new Set(claims.flatMap((s) => words(s.claim!.source).map(stem)));
    const topic = [...terms.stems].filter((term) => !sourceStems.has(term) && !CLAIM_WORDS.has(term));
    const onTopic = topic.length > 0 ? claims.filter((s) => topic.some((term) => s.terms.includes(term))) : [];
    const chosen = onTopic.length > 0 ? onTopic : claims;
    const items = chosen.map((sentence) => trimTo(attributed(sentence.claim!), 320));
    return { ...this.articleAnswer('claims', knowledge, `Claims reported in this article (${items.length}):`, terms), items };
  }

  private articleAnswer(type: Answer['type'], knowledge: ArticleKnowledge, short: string, terms: Terms): Answer {
    return {
      type,
      short,
      article: refOf(knowledge.article),
      ...(knowledge.article.source ? { publisher: knowledge.article.source } : {}),
      confidence: 1,
      people: [],
      topicWords: terms.words,
    };
  }

  private notFound(terms: Terms, contextArticle: ArticleKnowledge | undefined): Answer {
    return {
      type: 'notFound',
      short: "I couldn't find that in the articles I have.",
      article: contextArticle ? refOf(contextArticle.article) : null,
      confidence: 0,
      people: [],
      topicWords: terms.words,
    };
  }
}

/** "who dropped mido": the stems of the action asked about (the word after "who") and its synonyms. */
function actionOf(question: ParsedQuestion, terms: Terms): string[] | undefined {
  const match = /^(?:who|whom)\s+(\w+)/.exec(question.folded);
  if (!match || /^(is|was|are|were|s|has|have|had|did|does|do|will|would|can|could)$/.test(match[1]!)) return undefined;
  const term = stem(match[1]!);
  return terms.weights.has(term) ? [term, ...(terms.alternatives.get(term) ?? [])] : undefined;
}

/**
 * A long question is rarely worded like the article: past six words, the share of them a
 * passage must hold shrinks with their number, down to 0.3 (short questions, where one
 * missing word is a different question, keep 0.4).
 */
function minCoverageFor(termCount: number): number {
  if (termCount <= 6) return MIN_COVERAGE;
  return Math.max(0.3, (MIN_COVERAGE * 6) / termCount);
}

/** Score added to a sentence that holds the kind of thing asked for (a date for "when"). */
const TYPE_BONUS = 0.1;

function holdsAnswerType(question: ParsedQuestion, facts: SentenceFacts): boolean {
  switch (question.type) {
    case 'when':
      return facts.dates.length > 0;
    case 'who':
      return facts.entities.some((entity) => entity.kind === 'person' || entity.kind === 'org');
    case 'where':
      return facts.entities.some((entity) => entity.kind === 'place');
    case 'howMany':
      return facts.quantities.length > 0;
    default:
      return false;
  }
}

/** A claim as a reader should see it: always with who makes it. */
export function attributed(claim: Claim, content = claim.content): string {
  const text = /^(mentioned|mentions|expressed|expresses|calls on|called on|calls for|called for|urged|urges|accused|accuses|denied|denies)\b/.test(content)
    ? `${capitalise(claim.source)} ${content}`
    : `According to ${claim.source}, ${lowerFirst(content)}`;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

const NOT_STATED: Partial<Record<Answer['type'], string>> = {
  who: "The article doesn't name who. The closest it comes:",
  when: "The article doesn't say when. The closest it comes:",
  where: "The article doesn't say where. The closest it comes:",
  howMany: "The article doesn't give that number. The closest it comes:",
};

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !/^(I|I'm|COP\d+)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
