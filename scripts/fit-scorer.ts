/**
 * `npm run fit`: learns the answer scorer's weights (src/answer/scorer-weights.ts) from
 * labelled questions. Every candidate answer the engine makes to a training question is
 * one example, labelled right when its reply holds the expected answer. A logistic ranker
 * over the candidates' evidence orders them; a logistic calibrator (one for yes/no answers,
 * one for the rest) turns the best one's evidence into the probability it is right; the
 * answer threshold is the lowest confidence at which at most MAX_WRONG_SHARE of the
 * cross-validated news questions and of the same asked of their article alone, and at most
 * MAX_WRONG_SHARE_EACH of either and of the chat turns after a chat's first, are answered
 * wrongly. The held-out sets are never read here. `-- --dry-run` prints without writing.
 */
import { writeFileSync } from 'node:fs';
import { type AnswerContext, contextAfter } from '../src/answer/answer.js';
import { Answerer } from '../src/answer/answerer.js';
import { answerKey } from '../src/answer/candidates.js';
import { answerReply } from '../src/conversation/answer-reply.js';
import { renderPlain } from '../src/conversation/render-plain.js';
import { EVIDENCE_NAMES } from '../src/answer/evidence.js';
import { CALIBRATION_NAMES, calibrationVector, featureVector, linear, sigmoid, standingOf } from '../src/answer/scorer.js';
import { DEV_SETS } from './lib/bbc-sets.js';
import { bbcKnowledge, seedKnowledge } from './lib/eval-suite.js';
import { lexiconFromArgs } from './lib/lexicon-choice.js';
import { isRefusal, judge, judgeSquad, type QuestionCase, readCases, readSquad, squadArticles, squadCases } from './lib/question-sets.js';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';

/**
 * At most this share of the training questions may be answered wrongly: the issue allows 8%
 * on held-out questions, and held-out questions fare worse than those fitted on.
 */
const MAX_WRONG_SHARE = 0.06;
/** …and no kind of archive alone (the whole corpus, one article) past the issue's own limit. */
const MAX_WRONG_SHARE_EACH = 0.08;
/**
 * Yes/no answers are held to the budget of all answers, not the looser one of each kind: a
 * flat "No." misleads more than a passage does, and fresh sets find them wrong far more
 * often than cross-validation says (held-out 9, scored once before any change: 4 of 12).
 */
const MAX_YES_NO_WRONG_SHARE = MAX_WRONG_SHARE;
/** SQuAD is Wikipedia, not news: its many questions count less than the news sets' in the fit. */
const SQUAD_WEIGHT = 0.1;
/** A question asked again of a one-article archive (smallArchiveQuestions) counts this much. */
const SMALL_ARCHIVE_WEIGHT = 0.5;
const L2 = 0.001;
const NEWTON_STEPS = 12;
const FOLDS = 5;
/** Ways of dealing the articles to folds; the threshold is the median of theirs. */
const FOLD_DEALS = 3;
/** The sets without an article field hold about this many questions per article, in a run. */
const LINES_PER_ARTICLE = 6;

/**
 * Questions readers ask that no article of a small archive answers ("who won the league last
 * season"), written by a helper blind to the engine: asked of the seed and of single BBC
 * articles, they show the calibrator what a generic partial match looks like there.
 */
const OFF_TOPIC_FILE = 'eval/offtopic-questions.jsonl';
/**
 * An off-topic question counts this much in the calibrator's fit. Cross-validated: without
 * them, 5.9% of them got an answer (all wrong) in a one-article archive; at 0.1, 1.2%, for one
 * point less right on news (mean over 4-10% wrong budgets, 41.0 -> 40.0%) and two more of the
 * seed's 72 questions refused; at 0.25, 0.6%, but 1.7 points and nine seed questions.
 */
const OFF_TOPIC_WEIGHT = 0.1;
/** Of them, each one-article archive is asked this many, the next ones in the file for each article. */
const OFF_TOPIC_PER_ARTICLE = 3;

/** The sets written article by article by helpers blind to the engine, that the fit may learn from. */
const DEV_FILES = DEV_SETS.map((set) => set.file);

interface Example {
  x: number[];
  /** 1 when the candidate's reply states the expected answer. */
  y: number;
  /** The reply says the article doesn't hold what was asked ("The article doesn't say when…"). */
  refusal: boolean;
  weight: number;
  /** The candidate's article (unset for the differences the ranker learns from). */
  article?: string;
  /** Its short answer (answerKey): the typed phrase, or the passage itself. */
  answer?: string;
}

/** Where a training question comes from: news asked of the whole archive, news asked of its article alone, or SQuAD. */
type Kind = 'news' | 'oneArticle' | 'offTopic' | 'squad';
const WEIGHT_OF: Record<Kind, number> = { news: 1, oneArticle: SMALL_ARCHIVE_WEIGHT, offTopic: OFF_TOPIC_WEIGHT, squad: SQUAD_WEIGHT };

/** The candidates of one question with their labels. */
interface Question {
  examples: Example[];
  answerable: boolean;
  kind: Kind;
  weight: number;
  /** Questions about one article: cross-validation keeps them in one fold. */
  group: string;
  /** A turn of a chat after its first: it may lean on what came before. */
  inChat: boolean;
}

/**
 * Each question's candidates, labelled. Turns of one dialogue (and old-format follow-ups)
 * carry the chat's context as the conversation would; small talk and other languages are
 * the conversation's business, not the engine's, and are left out.
 */
function collect(cases: QuestionCase[], answerer: Answerer, judgeReply: typeof judge, kind: Kind, groupOf: (item: QuestionCase, index: number) => string): Question[] {
  const weight = WEIGHT_OF[kind];
  let context: AnswerContext = {};
  let previousDialogue: string | undefined;
  return cases.filter((item) => !item.expect?.[0]?.startsWith('#')).map((item, index) => {
    const sameChat = item.followUp === true || (item.dialogue !== undefined && item.dialogue === previousDialogue);
    previousDialogue = item.dialogue;
    if (!sameChat) context = {};
    const candidates = answerer.candidates(item.question, context);
    const examples = candidates.map(({ candidate, answer }) => {
      const reply = renderPlain(answerReply(answer, ''));
      const refusal = isRefusal(reply);
      const shortAnswer = answerKey(candidate);
      return { x: featureVector(candidate.evidence), y: !refusal && judgeReply(reply, item.expect) === 'right' ? 1 : 0, refusal, weight, article: candidate.hit.sentence.knowledge.article.id, ...(shortAnswer ? { answer: shortAnswer } : {}) };
    });
    // The next turn's context is what the conversation keeps after the committed engine's
    // reply (contextAfter). A context taken from the ranker's first candidate, answered or
    // not, made the chat turns look safer than the chats readers have (cross-validated 7.7%
    // wrong against 9.9% on the held-out dialogues).
    context = contextAfter(answerer.answer(item.question, context), context);
    return { examples, answerable: item.expect !== null, kind, weight, group: groupOf(item, index), inChat: sameChat };
  });
}

const predict = (w: number[], x: number[]): number => sigmoid(linear(w, x));

interface Model {
  ranker: number[];
  calibrator: number[];
  /** The calibrator of yes/no answers: "Yes" is a claim about a whole passage, not a phrase taken from it. */
  yesNoCalibrator: number[];
}

/** What a model does with one question: its confidence, and how the answer would be judged. */
interface Decision {
  confidence: number;
  /** What answering gives: right, wrong, or an honest "the article doesn't say". */
  ifAnswered: 'right' | 'wrong' | 'refusal';
  answerable: boolean;
  kind: Kind;
  weight: number;
  /** The best candidate answers a yes/no question. */
  yesNo: boolean;
  inChat: boolean;
}

function decide(model: Model, question: Question): Decision {
  const top = topOf(model.ranker, question.examples);
  const ifAnswered = !top || top.best.refusal ? 'refusal' : top.best.y === 1 ? 'right' : 'wrong';
  return { confidence: top ? predict(isYesNo(top.best) ? model.yesNoCalibrator : model.calibrator, top.calibration) : 0, ifAnswered, answerable: question.answerable, kind: question.kind, weight: question.weight, yesNo: top !== undefined && isYesNo(top.best), inChat: question.inChat };
}

const YES_NO_FEATURE = EVIDENCE_NAMES.indexOf('askedYesNo');
/**
 * What the yes/no calibrator reads: how the verdict was reached and how well the passage
 * matches. A hundred-odd yes/no answers can't support a weight for every piece of evidence.
 */
const YES_NO_READS = new Set((['saysYes', 'saysNo', 'verdictGap', 'contentCoverage', 'localCoverage', 'claim', 'rankScore', 'dominance', 'articleLead'] as const).map((name) => CALIBRATION_NAMES.indexOf(name)));
const isYesNo = (example: Example): boolean => example.x[YES_NO_FEATURE] === 1;

/** The best candidate by the ranker and the calibrator's input for it. */
function topOf(ranker: readonly number[], examples: Example[]): { best: Example; calibration: number[] } | undefined {
  const ranked = examples.map((e) => ({ e, score: linear(ranker, e.x) })).sort((a, b) => b.score - a.score);
  const first = ranked[0];
  if (!first) return undefined;
  const standing = standingOf(ranked.map(({ e, score }) => ({ score, article: e.article, answer: e.answer })));
  return { best: first.e, calibration: calibrationVector(first.e.x, standing) };
}

/**
 * Pairs of one question's candidates, one right and one wrong, as differences of their
 * evidence: a ranker fitted on them learns what makes one candidate better than another
 * of the same question, which is all ranking needs.
 */
function pairsOf(questions: Question[]): Example[] {
  const pairs: Example[] = [];
  for (const { examples } of questions) {
    const right = examples.filter((e) => e.y === 1);
    const wrong = examples.filter((e) => e.y === 0);
    for (const good of right) {
      for (const bad of wrong) {
        const difference = good.x.map((value, i) => value - bad.x[i]!);
        const weight = good.weight / (right.length * wrong.length);
        pairs.push({ x: difference, y: 1, refusal: false, weight }, { x: difference.map((value) => -value), y: 0, refusal: false, weight });
      }
    }
  }
  return pairs;
}

function train(questions: Question[]): Model {
  const ranker = fit(pairsOf(questions));
  const calibration: Example[] = [];
  for (const { examples } of questions) {
    const top = topOf(ranker, examples);
    // A reply that says the article doesn't hold the answer is never a wrong answer: the
    // calibrator learns to tell right answers from wrong ones, so it learns from answers only.
    if (top && !top.best.refusal) calibration.push({ x: top.calibration, y: top.best.y, refusal: false, weight: top.best.weight });
  }
  const yesNo = calibration.filter(isYesNo).map((e) => ({ ...e, x: e.x.map((value, i) => (YES_NO_READS.has(i) ? value : 0)) }));
  return { ranker, calibrator: fit(calibration.filter((e) => !isYesNo(e))), yesNoCalibrator: fit(yesNo) };
}

/** L2-regularised logistic regression by Newton's method: a few exact steps, no learning rate to tune. */
function fit(examples: Example[]): number[] {
  const size = (examples[0]?.x.length ?? 0) + 1;
  let w = new Array(size).fill(0) as number[];
  const totalWeight = examples.reduce((sum, e) => sum + e.weight, 0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = w.map((value, i) => (i > 0 ? L2 * value * totalWeight : 0));
    const hessian = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j && i > 0 ? L2 * totalWeight : 0)));
    for (const { x, y, weight } of examples) {
      const input = [1, ...x];
      const p = predict(w, x);
      const curvature = p * (1 - p) * weight;
      for (let i = 0; i < size; i++) {
        gradient[i]! += (p - y) * weight * input[i]!;
        for (let j = 0; j < size; j++) hessian[i]![j]! += curvature * input[i]! * input[j]!;
      }
    }
    const delta = solve(hessian, gradient);
    w = w.map((value, i) => value - delta[i]!);
  }
  return w;
}

/** Gaussian elimination with partial pivoting: solves A x = b. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const lead = m[col]![col]! || 1e-12;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = m[row]![col]! / lead;
      for (let k = col; k <= n; k++) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** Right / wrong / refused when a question is answered at `threshold` or above. */
function outcomes(decisions: Decision[], threshold: number): { right: number; wrong: number; refused: number } {
  const result = { right: 0, wrong: 0, refused: 0 };
  for (const { confidence, ifAnswered, answerable, weight } of decisions) {
    if (confidence < threshold || ifAnswered === 'refusal') result[answerable ? 'refused' : 'right'] += weight;
    else result[ifAnswered] += weight;
  }
  return result;
}

/** The lowest threshold at which at most `maxWrong` of the questions get a wrong answer. */
function bestThreshold(decisions: Decision[], maxWrong = MAX_WRONG_SHARE): number {
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const { right, wrong, refused } = outcomes(decisions, t);
    if (wrong <= maxWrong * (right + wrong + refused)) return Math.round(t * 100) / 100;
  }
  return 0.95;
}

/** How good the ranking and the confidence are apart: the first candidate's right share, and the confidence's AUC. */
function describeNews(news: Decision[]): void {
  const answerableNews = news.filter((d) => d.answerable);
  const topRight = answerableNews.filter((d) => d.ifAnswered === 'right').length;
  const positives = news.filter((d) => d.ifAnswered === 'right').map((d) => d.confidence);
  const negatives = news.filter((d) => d.ifAnswered !== 'right').map((d) => d.confidence);
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  const confident = news.filter((d) => d.confidence >= 0.8 && d.ifAnswered !== 'refusal');
  const confidentRight = confident.filter((d) => d.ifAnswered === 'right').length;
  console.log(`  news answers with confidence >= 0.8: ${confidentRight}/${confident.length} right (${((100 * confidentRight) / Math.max(1, confident.length)).toFixed(1)}%)`);
  console.log(`  news: the ranker's first candidate is right for ${((100 * topRight) / answerableNews.length).toFixed(1)}% of the answerable; the confidence tells right from not with AUC ${(wins / (positives.length * negatives.length)).toFixed(3)}`);
}

/**
 * One number to compare engines by, steadier than the right share at one threshold: the
 * mean right share over wrong budgets of 4, 6, 8 and 10%.
 */
function meanRight(decisions: Decision[]): number {
  const total = decisions.reduce((sum, d) => sum + d.weight, 0);
  const budgets = [0.04, 0.06, 0.08, 0.1];
  return budgets.reduce((sum, budget) => sum + outcomes(decisions, bestThreshold(decisions, budget)).right / total, 0) / budgets.length;
}

/**
 * The same questions asked of an archive that holds only the article they were written
 * about, as a newsroom's first days or the bundled seed are. The evidence reads differently
 * there (every passage is from the one article, none has a rival), and a calibrator that has
 * only seen 2,225 articles is sure of itself on one. Each such question counts half.
 */
function smallArchiveQuestions(bbc: KnowledgeBase): Question[] {
  const byArticle = new Map<string, QuestionCase[]>();
  for (const file of DEV_FILES) {
    for (const item of readCases(file)) if (item.article) byArticle.set(item.article, [...(byArticle.get(item.article) ?? []), item]);
  }
  const offTopic = readCases(OFF_TOPIC_FILE);
  return [...byArticle].flatMap(([article, cases], i) => {
    const knowledge = bbc.get(article.replace(/\.txt$/, '').replace('/', '-'));
    if (!knowledge) return [];
    const alone = new Answerer(new KnowledgeBase([knowledge.article]), lexicon);
    // A few of the questions no article answers, asked of this one; the next article gets the next few.
    const unrelated = Array.from({ length: OFF_TOPIC_PER_ARTICLE }, (_, k) => offTopic[(i * OFF_TOPIC_PER_ARTICLE + k) % offTopic.length]!);
    return [...collect(cases, alone, judge, 'oneArticle', () => article), ...collect(unrelated, alone, judge, 'offTopic', () => article)];
  });
}

const lexicon = lexiconFromArgs();
const seed = await seedKnowledge();
const bbc = await bbcKnowledge();
const squad = readSquad();
const seedAnswerer = new Answerer(seed, lexicon);
/**
 * What a question is about, for cross-validation: its article when the set names it; the
 * seed article for the seed sets; else its dialogue, or a run of neighbouring lines (the
 * sets are written article by article).
 */
const groupIn = (file: string) => (item: QuestionCase, index: number): string =>
  file.startsWith('eval/seed') ? 'seed' : (item.article ?? item.dialogue ?? `${file}#${Math.floor(index / LINES_PER_ARTICLE)}`);
const questions: Question[] = ['eval/seed-questions.jsonl', 'eval/seed-dialogues.jsonl'].flatMap((file) => collect(readCases(file), seedAnswerer, judge, 'news', groupIn(file)));
questions.push(...collect(readCases(OFF_TOPIC_FILE), seedAnswerer, judge, 'offTopic', () => 'seed'));
if (bbc) {
  const answerer = new Answerer(bbc, lexicon);
  for (const file of ['eval/bbc-questions.jsonl', ...DEV_FILES]) questions.push(...collect(readCases(file), answerer, judge, 'news', groupIn(file)));
  if (!process.argv.includes('--no-small-archive')) questions.push(...smallArchiveQuestions(bbc));
}
if (squad) questions.push(...collect(squadCases(squad), new Answerer(new KnowledgeBase(squadArticles(squad)), lexicon), judgeSquad, 'squad', groupIn('squad')));

// Cross-validation: each question judged by a model fitted without it. The threshold is
// chosen on these held-apart decisions for the news questions (the bot answers news, and
// SQuAD's unanswerable third would otherwise decide how shy it is), so the wrong share it
// promises is one measured on questions the model did not see.
// Folds go by article: a question judged by a model fitted on other questions about its
// own article would make the figures, and the threshold, more hopeful than new articles allow.
const groups = [...new Set(questions.map((q) => q.group))];
const isNews = (d: { kind: Kind }): boolean => d.kind === 'news';
const isSmallArchive = (d: { kind: Kind }): boolean => d.kind === 'oneArticle';

/**
 * The articles in a seeded shuffled order, the same every run: deal 0 keeps their order.
 * (Until session 19 each deal was `(i * (deal + 1) + deal) % FOLDS`, which only renames the
 * folds of deal 0: all three deals were one.)
 */
function shuffledGroups(deal: number): string[] {
  const order = [...groups];
  let state = deal * 0x9e3779b9;
  const random = (): number => {
    // mulberry32: a small seeded generator, enough to deal articles to folds.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  if (deal > 0) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  return order;
}

/** Every question judged by a model fitted on the folds without its article; `deal` deals the articles to folds differently. */
function crossValidate(deal: number): Decision[] {
  const foldOf = new Map(shuffledGroups(deal).map((group, i) => [group, i % FOLDS]));
  const decisions: Decision[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = train(questions.filter((q) => foldOf.get(q.group) !== fold));
    decisions.push(...questions.filter((q) => foldOf.get(q.group) === fold).map((question) => decide(model, question)));
  }
  return decisions;
}

// The promise holds over both kinds of archive together, the whole BBC corpus and one
// article alone (a newsroom's first days, the bundled seed), and the limit for each
// kind alone, and for the turns of a chat after its first alone. The threshold is the
// lowest that keeps all four. Which articles share a fold
// moves the lowest safe threshold by a few hundredths; the median over FOLD_DEALS ways of
// dealing them is steadier than any one.
const deals = Array.from({ length: FOLD_DEALS }, (_, deal) => crossValidate(deal));
const thresholdOf = (decisions: Decision[]): number => Math.max(
  bestThreshold(decisions.filter((d) => isNews(d) || isSmallArchive(d))),
  bestThreshold(decisions.filter(isNews), MAX_WRONG_SHARE_EACH),
  bestThreshold(decisions.filter(isSmallArchive), MAX_WRONG_SHARE_EACH),
  bestThreshold(decisions.filter((d) => isNews(d) && d.inChat), MAX_WRONG_SHARE_EACH),
);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The yes/no calibrator reads little, and its confidence tells right from wrong poorly: at
 * the threshold the others settle on, more than the 8% of yes/no answers were wrong
 * (12%). Its bias moves down, in steps of YES_NO_SHIFT_STEP, until at most
 * MAX_YES_NO_WRONG_SHARE of them are wrong at that threshold; the threshold is then chosen
 * again with the shifted confidences.
 */
const YES_NO_SHIFT_STEP = 0.1;
const MAX_YES_NO_SHIFT = 5;
const shifted = (decisions: Decision[], shift: number): Decision[] =>
  decisions.map((d) => (d.yesNo ? { ...d, confidence: sigmoid(Math.log(d.confidence / (1 - d.confidence)) + shift) } : d));
function yesNoShift(decisions: Decision[], threshold: number): number {
  const yesNo = decisions.filter((d) => isNews(d) && d.yesNo);
  for (let shift = 0; shift > -MAX_YES_NO_SHIFT; shift -= YES_NO_SHIFT_STEP) {
    const { right, wrong, refused } = outcomes(shifted(yesNo, shift), threshold);
    if (wrong <= MAX_YES_NO_WRONG_SHARE * (right + wrong + refused)) return Math.round(shift * 10) / 10;
  }
  return -MAX_YES_NO_SHIFT;
}
const firstThreshold = median(deals.map(thresholdOf));
const shift = median(deals.map((decisions) => yesNoShift(decisions, firstThreshold)));
const thresholds = deals.map((decisions) => thresholdOf(shifted(decisions, shift))).sort((a, b) => a - b);
const threshold = median(thresholds);
const crossValidated = shifted(deals[0]!, shift);
const smallArchive = crossValidated.filter(isSmallArchive);
const trained = train(questions);
const model = { ...trained, yesNoCalibrator: trained.yesNoCalibrator.map((weight, i) => (i === 0 ? weight + shift : weight)) };
const fitted = questions.map((question) => decide(model, question));

const answerable = questions.filter((q) => q.answerable).length;
const oracle = questions.filter((q) => q.examples.some((e) => e.y === 1)).length;
const top1 = fitted.filter((d) => d.answerable && d.ifAnswered === 'right').length;
const report = (label: string, decisions: Decision[], at = threshold): void => {
  const total = decisions.reduce((sum, d) => sum + d.weight, 0);
  const { right, wrong, refused } = outcomes(decisions, at);
  const pct = (n: number): string => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`${label}: right ${pct(right)}, wrong ${pct(wrong)}, refused ${pct(refused)}`);
};
const round = (values: number[]): number[] => values.map((value) => Math.round(value * 1000) / 1000);
console.log(`${questions.length} training questions (${crossValidated.filter(isNews).length} news), ${questions.flatMap((q) => q.examples).length} candidates`);
console.log(`answerable ${answerable}: some candidate right for ${oracle} (${((100 * oracle) / answerable).toFixed(1)}%), the ranker's first for ${top1} (${((100 * top1) / answerable).toFixed(1)}%)`);
console.log(`thresholds of ${FOLD_DEALS} deals of articles to folds: ${thresholds.join(', ')}; the yes/no calibrator's bias moved by ${shift}`);
console.log(`threshold ${threshold} (at most ${100 * MAX_WRONG_SHARE}% wrong on the cross-validated news questions and on them asked of their article alone, ${100 * MAX_WRONG_SHARE_EACH}% on each)`);
report(`${FOLDS}-fold cross-validated, news`, crossValidated.filter(isNews));
console.log(`  news right at 4-10% wrong, mean: ${(100 * meanRight(crossValidated.filter(isNews))).toFixed(1)}%`);
describeNews(crossValidated.filter(isNews));
report(`${FOLDS}-fold cross-validated, news yes/no questions`, crossValidated.filter((d) => isNews(d) && d.yesNo));
report(`${FOLDS}-fold cross-validated, news chat turns after the first`, crossValidated.filter((d) => isNews(d) && d.inChat));
report(`${FOLDS}-fold cross-validated, the dev questions asked of their article alone`, smallArchive);
// Off-topic questions are left out of the threshold's budget: nearly all are refused whatever
// the threshold, and counting them would only make room for more wrong answers to real ones.
report(`${FOLDS}-fold cross-validated, questions no article answers, asked of the seed or of one BBC article`, crossValidated.filter((d) => d.kind === 'offTopic'));
const squadDecisions = crossValidated.filter((d) => d.kind === 'squad');
report(`${FOLDS}-fold cross-validated, SQuAD answerable`, squadDecisions.filter((d) => d.answerable));
report(`${FOLDS}-fold cross-validated, SQuAD unanswerable`, squadDecisions.filter((d) => !d.answerable));
report(`${FOLDS}-fold cross-validated, all (SQuAD at weight ${SQUAD_WEIGHT})`, crossValidated);
report('fitted on all, all', fitted);
console.log('ranker', Object.fromEntries(EVIDENCE_NAMES.map((name, i) => [name, round(model.ranker)[i + 1]])));
console.log('calibrator', Object.fromEntries(['bias', ...CALIBRATION_NAMES].map((name, i) => [name, round(model.calibrator)[i]])));
console.log('yes/no calibrator', Object.fromEntries(['bias', ...CALIBRATION_NAMES].map((name, i) => [name, round(model.yesNoCalibrator)[i]])));
if (process.argv.includes('--curve')) {
  for (const t of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) report(`cross-validated news at threshold ${t}`, crossValidated.filter(isNews), t);
}
if (!process.argv.includes('--dry-run')) {
  const body = `// Written by \`npm run fit\` (scripts/fit-scorer.ts): do not edit by hand.
// ranker: bias, then one weight per EVIDENCE_NAMES; calibrators: bias, then CALIBRATION_NAMES.
export const SCORER_WEIGHTS = {
  threshold: ${threshold},
  ranker: [${round(model.ranker).join(', ')}],
  calibrator: [${round(model.calibrator).join(', ')}],
  yesNoCalibrator: [${round(model.yesNoCalibrator).join(', ')}],
};
`;
  writeFileSync('src/answer/scorer-weights.ts', body);
  console.log('wrote src/answer/scorer-weights.ts');
}
