/**
 * Words of a question about a sum of money: "how much did it cost", "how much did they pay".
 * The how-many extraction prefers sums of money for them (extract.ts), and "how much X" asks
 * for money whatever its X when one stands in the question (focus.ts).
 */
export const PRICE_WORDS = /\b(?:cost|costs|price|prices|pay|paid|worth|spend|spent|raise|raised|fund|funding|budget|salary|fee|fine|fined|value|money|charge|sell|sold|buy|bought|offer|bid)\b/;

/**
 * Verbs of money coming in: "how much has the film made", "how much did the auction
 * fetch", "how much did it take over the weekend". Read only when "how much" asks for no
 * thing of its own ("how much time did it take" asks for time): then the question is
 * about a sum (extract.ts), as a price word makes it.
 */
export const EARNING_WORDS = /\b(?:make|makes|made|earn|earns|earned|gross|grosses|grossed|take|takes|took|taken|fetch|fetches|fetched|owe|owes|owed)\b/;
