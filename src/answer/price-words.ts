/**
 * Words of a question about a sum of money: "how much did it cost", "how much did they pay".
 * The how-many extraction prefers sums of money for them (extract.ts), and "how much X" asks
 * for money whatever its X when one stands in the question (focus.ts).
 */
export const PRICE_WORDS = /\b(?:cost|costs|price|prices|pay|paid|worth|spend|spent|raise|raised|fund|funding|budget|salary|fee|fine|fined|value|money|charge|sell|sold|buy|bought|offer|bid)\b/;
