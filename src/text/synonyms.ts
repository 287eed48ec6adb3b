/**
 * Words readers use for what news prose says otherwise ("who wrote the letter" for "has
 * addressed an open letter"; "when was COP29 held" for "hosted"). Each question word also
 * searches for the words of its group, at a lower weight. Irregular verb forms are here
 * because a stemmer doesn't join "wrote" with "write".
 */
const GROUPS: string[][] = [
  ['write', 'wrote', 'written', 'writing', 'author', 'authored', 'addressed', 'sent', 'send', 'penned'],
  ['receive', 'received', 'recipient', 'addressed', 'sent'],
  ['host', 'hosted', 'held', 'hold', 'organised', 'organized', 'staged', 'venue', 'took place'],
  ['kill', 'killed', 'dead', 'died', 'death', 'deaths'],
  ['buy', 'bought', 'acquire', 'acquired', 'purchase', 'purchased', 'takeover'],
  ['sell', 'sold', 'sale', 'sales'],
  ['win', 'won', 'winner', 'victory', 'beat'],
  ['lose', 'lost', 'loser', 'defeat', 'defeated'],
  ['start', 'started', 'began', 'begin', 'begun', 'launch', 'launched'],
  ['cost', 'costs', 'price', 'worth', 'paid', 'pay'],
  ['rise', 'rose', 'risen', 'increase', 'increased', 'grew', 'grow', 'growth'],
  ['fall', 'fell', 'fallen', 'decline', 'declined', 'drop', 'dropped', 'cut'],
  ['say', 'said', 'told', 'tell', 'claim', 'claimed'],
  ['boss', 'chief', 'head', 'executive', 'leader'],
  ['firm', 'company', 'group'],
  ['job', 'jobs', 'employment', 'workers', 'staff'],
  ['profit', 'profits', 'earnings'],
  ['film', 'movie', 'films', 'movies'],
  ['ask', 'asks', 'asked', 'call', 'calls', 'urge', 'urged', 'demand', 'demanded'],
  // Everyday paraphrases: readers rarely use the article's own word.
  ['use', 'used', 'uses', 'using', 'employ', 'employed', 'utilise', 'utilised', 'utilize', 'utilized', 'apply', 'applied'],
  ['common', 'commonly', 'frequent', 'frequently', 'often', 'usual', 'usually', 'typical', 'typically', 'popular'],
  ['depend', 'depends', 'dependent', 'contingent', 'rely', 'relies', 'based'],
  ['measure', 'measured', 'gauge', 'gauged', 'assess', 'assessed', 'evaluate', 'evaluated', 'quantify'],
  ['answer', 'answers', 'response', 'responses', 'reply', 'replies'],
  ['people', 'individuals', 'persons', 'men', 'women'],
  ['famous', 'well-known', 'known', 'renowned', 'celebrated', 'notable'],
  ['big', 'large', 'huge', 'major', 'biggest', 'largest'],
  ['small', 'little', 'minor', 'smallest', 'tiny'],
  ['important', 'key', 'main', 'significant', 'crucial', 'major'],
  ['show', 'showed', 'shown', 'prove', 'proved', 'proven', 'demonstrate', 'demonstrated', 'reveal', 'revealed'],
  ['make', 'made', 'create', 'created', 'produce', 'produced', 'build', 'built'],
  ['find', 'found', 'discover', 'discovered'],
  ['found', 'founded', 'establish', 'established', 'set up', 'created'],
  ['marry', 'married', 'marriage', 'wife', 'husband', 'wed'],
  ['brother', 'sister', 'sibling', 'brothers', 'sisters', 'siblings'],
  ['son', 'daughter', 'child', 'children', 'sons', 'daughters'],
  ['father', 'mother', 'parent', 'parents'],
  ['lead', 'led', 'leader', 'head', 'headed', 'command', 'commanded'],
  ['rule', 'ruled', 'ruler', 'reign', 'reigned', 'govern', 'governed', 'king', 'queen'],
  ['invade', 'invaded', 'invasion', 'attack', 'attacked', 'conquer', 'conquered', 'conquest'],
  ['injure', 'injured', 'injury', 'injuries', 'hurt', 'wounded'],
  ['sue', 'sued', 'suing', 'lawsuit', 'legal action'],
  ['ban', 'banned', 'suspended', 'suspension'],
  ['drop', 'dropped', 'axe', 'axed', 'exclude', 'excluded', 'exclusion', 'omit', 'omitted', 'sack', 'sacked', 'dismiss', 'dismissed', 'fire', 'fired'],
  ['back', 'backed', 'backing', 'support', 'supported', 'supporting', 'endorse', 'endorsed', 'favour', 'favor'],
  ['run', 'runs', 'ran', 'manage', 'manages', 'managed', 'head', 'heads', 'headed', 'boss', 'founder', 'founded', 'set up'],
  ['un', 'united nations'],
  ['uk', 'britain', 'british'],
  ['us', 'usa', 'america', 'american'],
];

const BY_WORD = new Map<string, string[]>();
for (const group of GROUPS) {
  for (const word of group) BY_WORD.set(word, [...new Set([...(BY_WORD.get(word) ?? []), ...group.filter((other) => other !== word)])]);
}

/**
 * Groups of opposite direction: what rises doesn't fall. Only these: a win or a sale is the
 * other side's loss or purchase ("did Arsenal win?" of "Chelsea lost to Arsenal"), so their
 * groups are not opposites.
 */
const OPPOSITE_GROUPS: [string, string][] = [['rise', 'fall']];

/** Words of the opposite direction ("cut" -> "increase", "rise"…), or an empty list. */
export function oppositesOf(word: string): string[] {
  for (const pair of OPPOSITE_GROUPS) {
    const [mine, other] = pair.map((head) => GROUPS.find((group) => group[0] === head)!);
    if (mine!.includes(word)) return other!;
    if (other!.includes(word)) return mine!;
  }
  return [];
}

/** Other words for `word`, or an empty list. */
export function synonymsOf(word: string): string[] {
  return BY_WORD.get(word) ?? [];
}
