import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';

/**
 * Short forms people type in a chat for words news prose writes out: clippings ("uni",
 * "exec"), initialisms of titles ("vp", "md") and chat spellings ("wanna"). General
 * English, not any article's: WordNet lacks most of them, or files them under other senses
 * ("exec" is the White House's Executive Office, "md" a physician or Maryland), so a
 * question holding one found nothing, or took the short form for a name no article has.
 */
const FULL_FORMS: Record<string, string> = {
  // Titles and roles.
  exec: 'executive',
  execs: 'executives',
  ceo: 'chief executive',
  ceos: 'chief executives',
  cfo: 'chief financial officer',
  coo: 'chief operating officer',
  cto: 'chief technology officer',
  vp: 'vice president',
  vps: 'vice presidents',
  veep: 'vice president',
  md: 'managing director',
  pm: 'prime minister',
  pres: 'president',
  prez: 'president',
  mgr: 'manager',
  mgmt: 'management',
  rep: 'representative',
  reps: 'representatives',
  // Institutions and places.
  uni: 'university',
  unis: 'universities',
  univ: 'university',
  govt: 'government',
  dept: 'department',
  hq: 'headquarters',
  intl: 'international',
  natl: 'national',
  assoc: 'association',
  corp: 'corporation',
  parl: 'parliament',
  admin: 'administration',
  // Everyday clippings.
  avg: 'average',
  approx: 'approximately',
  info: 'information',
  biz: 'business',
  refurb: 'refurbishment',
  pic: 'picture',
  pics: 'pictures',
  stats: 'statistics',
  econ: 'economy',
  rehab: 'rehabilitation',
  champs: 'champions',
  // Units of time.
  yr: 'year',
  yrs: 'years',
  mth: 'month',
  mths: 'months',
  wk: 'week',
  wks: 'weeks',
  hr: 'hour',
  hrs: 'hours',
  mins: 'minutes',
  // Chat spellings.
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  ppl: 'people',
  abt: 'about',
  b4: 'before',
  tho: 'though',
  thru: 'through',
  cuz: 'because',
  coz: 'because',
};

/** What the short-form check reads of the articles: the index's `knows` and `idf`. */
export interface TermStatistics {
  knows(term: string): boolean;
  idf(term: string): number;
}

/**
 * Writes out the short forms of a question the articles don't use as written: "whos the
 * vp of networks" -> "whos the vice president of networks". A short form stays when the
 * articles use it at least as often as the words it stands for ("tv", "ceo" in an archive
 * of American business news): their own spelling finds their passages best.
 */
export function writeOutShortForms(text: string, articles: TermStatistics): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const full = FULL_FORMS[word.toLowerCase()];
    if (full === undefined || !articlesPreferFull(word.toLowerCase(), full, articles)) return word;
    return full;
  });
}

function articlesPreferFull(short: string, full: string, articles: TermStatistics): boolean {
  const shortStem = stem(short);
  if (!articles.knows(shortStem)) return true;
  // Rarer means a higher idf: the short form is rarer than each word of the full form.
  const fullStems = full.split(' ').filter((word) => !STOPWORDS.has(word)).map(stem);
  return fullStems.every((term) => articles.knows(term) && articles.idf(term) < articles.idf(shortStem));
}
