/**
 * The beginnings of the verbs and nouns of a change ("rise", "rose", "increase", "cut",
 * "slump"…), as a regular-expression alternation: how-many extraction reads a change's start,
 * size and end by them (extract.ts), and a range is no range when one moved it (ranges.ts).
 */
export const CHANGE_STEMS = 'ris|rose|fall|fell|increas|decreas|cut|grow|grew|climb|drop|jump|rais|lower|reduc|boost|expand|gain|slip|slump|surg|soar|plung|widen|narrow|shrank|shrink';
