/** One news article as the bot knows it. */
export interface Article {
  /** Stable, URL-safe id (usable in a Telegram deep link: [A-Za-z0-9_-], at most 64). */
  id: string;
  title: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD, or a full timestamp). */
  date?: string;
  /** Who published it ("Trend News Agency"). */
  source?: string;
  /** Where it was filed from ("Baku, Azerbaijan"). */
  dateline?: string;
  url?: string;
  tags: string[];
  language?: string;
  /** The answerable text, paragraphs separated by blank lines. */
  body: string;
  /** A trailing "stay up to date" promotion: kept out of the answerable text. */
  promo?: string;
  /** Where it came from: a path relative to the content folder, or a feed URL. */
  origin: string;
}

/** The short reference an answer carries. */
export interface ArticleRef {
  id: string;
  title: string;
  date: string | null;
}

export function refOf(article: Article): ArticleRef {
  return { id: article.id, title: article.title, date: article.date ?? null };
}
