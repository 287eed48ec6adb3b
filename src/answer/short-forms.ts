import type { ArticleIndex } from '../knowledge/search-index.js';
import { stem } from '../text/stem.js';

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
  md: 'managing director',
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
  parl: 'parliament',
  ngo: 'non-governmental organisation',
  ngos: 'non-governmental organisations',
  // Everyday clippings.
  avg: 'average',
  approx: 'approximately',
  info: 'information',
  biz: 'business',
  refurb: 'refurbishment',
  pic: 'picture',
  pics: 'pictures',
  stats: 'statistics',
  rehab: 'rehabilitation',
  champs: 'champions',
  // Units of time.
  yr: 'year',
  yrs: 'years',
  mth: 'month',
  mths: 'months',
  wk: 'week',
  wks: 'weeks',
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

/** What the short-form check reads of the articles: whether any uses a term. */
export type KnownTerms = Pick<ArticleIndex, 'knows'>;

/**
 * A word standing alone: not part of a hyphenated name ("Authenti-Corp", "ex-PM"), an
 * address or a file name ("info@…", "news.biz"). A full stop ending the sentence is fine.
 */
const LONE_WORD = /(?<![-.@/\p{L}\p{N}])[\p{L}\p{N}]+(?![-@/\p{L}\p{N}]|\.[\p{L}\p{N}])/gu;

/**
 * Writes out the short forms of a question that no article uses: "whos the vp of networks"
 * -> "whos the vice president of networks". One an article uses stays as typed, however
 * rarely: it may be a name ("News Corp", a song called "Rehab") or the articles' own
 * spelling ("former PM"), and a rare word is the best search term there is.
 */
export function writeOutShortForms(text: string, articles: KnownTerms): string {
  return text.replace(LONE_WORD, (word) => {
    const full = FULL_FORMS[word.toLowerCase()];
    return full === undefined || articles.knows(stem(word.toLowerCase())) ? word : full;
  });
}
