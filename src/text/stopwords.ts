/** Words that carry no topic: dropped from the index and from questions. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers herself him himself his i if in into is it its itself just
  me more most my myself no nor not of off on once only or other our ours ourselves out over own
  same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom
  whose why will with would you your yours yourself yourselves also did does done would shall may
  might must let us tell me please know anything something thing things get got say said says
  mr mrs ms dr one ones whats whos hows wheres whens whys`.split(/\s+/),
);

/**
 * Question words and filler that say what kind of answer is wanted, not what it is about.
 * They are removed from the search terms of a question.
 */
export const QUESTION_FILLER: ReadonlySet<string> = new Set(
  `what who whom whose when where why how which many much long often kind sort type name named
  article story text piece according tldr tl dr summary summarize summarise gist recap overview pls plz
  happen happened happening give explain describe list tell else`.split(/\s+/),
);
