/**
 * Candidate dictionary forms of an inflected word, after WordNet's own "morphy" rules: the
 * word itself, its irregular base, then each suffix rule's result. Callers keep the forms
 * the dictionary knows.
 */
const SUFFIX_RULES: [string, string][] = [
  ['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'],
  ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/** English irregular verb forms no suffix rule reaches: general grammar, not any article's words. */
const IRREGULAR_VERBS: Record<string, string> = {
  wrote: 'write', written: 'write', held: 'hold', took: 'take', taken: 'take', gave: 'give', given: 'give',
  went: 'go', gone: 'go', made: 'make', said: 'say', told: 'tell', sold: 'sell', bought: 'buy', paid: 'pay',
  won: 'win', lost: 'lose', left: 'leave', led: 'lead', met: 'meet', ran: 'run', began: 'begin', begun: 'begin',
  rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow', grown: 'grow', found: 'find',
  thought: 'think', brought: 'bring', caught: 'catch', taught: 'teach', fought: 'fight', sought: 'seek',
  kept: 'keep', spent: 'spend', sent: 'send', built: 'build', felt: 'feel', struck: 'strike', chose: 'choose',
  chosen: 'choose', drove: 'drive', driven: 'drive', broke: 'break', broken: 'break', spoke: 'speak',
  spoken: 'speak', stole: 'steal', stolen: 'steal', froze: 'freeze', frozen: 'freeze', beat: 'beat', beaten: 'beat',
  became: 'become', came: 'come', knew: 'know', known: 'know', saw: 'see', seen: 'see', shot: 'shoot',
  hit: 'hit', cut: 'cut', quit: 'quit', set: 'set', put: 'put', hurt: 'hurt', shut: 'shut', let: 'let',
  bid: 'bid', wore: 'wear', worn: 'wear', swore: 'swear', sworn: 'swear', threw: 'throw', thrown: 'throw',
  flew: 'fly', flown: 'fly', drew: 'draw', drawn: 'draw', hung: 'hang', sank: 'sink', sunk: 'sink',
};
/** Irregular comparatives and plurals: "better" is no form of "good" a reader's "good" asks for. */
const IRREGULAR_OTHER: Record<string, string> = {
  better: 'good', best: 'good', worse: 'bad', worst: 'bad', further: 'far', farther: 'far', men: 'man',
  women: 'woman', children: 'child', people: 'person', feet: 'foot', mice: 'mouse', teeth: 'tooth',
};
const IRREGULAR: Record<string, string> = { ...IRREGULAR_VERBS, ...IRREGULAR_OTHER };

const MIN_COMPARATIVE_LENGTH = 6;

/** The base of an irregular form ("rose" -> "rise"), if it is one. */
export function irregularBase(word: string): string | undefined {
  return IRREGULAR[word];
}

export function baseForms(word: string): string[] {
  const forms = new Set([word]);
  const irregular = IRREGULAR[word];
  if (irregular) forms.add(irregular);
  for (const [suffix, replacement] of SUFFIX_RULES) {
    // A short "-er" word is rarely a comparative ("water", "later"), and reading "leter" as
    // "let" would hide a typo of "letter".
    if (/^e(?:r|st)$/.test(suffix) && word.length < MIN_COMPARATIVE_LENGTH) continue;
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.add(word.slice(0, -suffix.length) + replacement);
  }
  // "dearer" -> "dear", "bigger" -> "big": a doubled consonant before -er/-est/-ed/-ing.
  const doubled = /^(.+?)([b-df-hj-np-tv-z])\2(?:er|est|ed|ing)$/.exec(word);
  if (doubled) forms.add(doubled[1]! + doubled[2]!);
  return [...forms];
}

/** The irregular verb forms of each base: "leave" -> "left", "win" -> "won". */
const FORMS_OF_BASE = new Map<string, string[]>();
for (const [form, base] of Object.entries(IRREGULAR_VERBS)) FORMS_OF_BASE.set(base, [...(FORMS_OF_BASE.get(base) ?? []), form]);

/**
 * The irregular verb forms of a word's base ("when did he leave" -> "left", "who did they beat" ->
 * "beaten"): readers ask with the base, news reports in the past, and a stemmer joins no
 * "leave" with "left".
 */
export function irregularForms(word: string): string[] {
  return [...new Set(baseForms(word).flatMap((base) => FORMS_OF_BASE.get(base) ?? []))].filter((form) => form !== word);
}

/** "chairman", "chairwoman", "chairperson": the endings a role's word takes for whoever holds it. */
const HOLDER_ENDINGS = ['man', 'woman', 'person'];
const HOLDER_WORD = /^([a-z]{3,}?)(man|woman|person)$/;

/**
 * The other forms of a role word made with "-man", "-woman" or "-person" ("ombudsman" ->
 * "ombudswoman", "ombudsperson"): English builds them alike, and a dictionary lists few of
 * the newer ones. Callers keep the forms the articles use ("german" gives none).
 */
export function holderForms(word: string): string[] {
  const match = HOLDER_WORD.exec(word);
  if (!match) return [];
  return HOLDER_ENDINGS.filter((ending) => ending !== match[2]).map((ending) => match[1] + ending);
}
