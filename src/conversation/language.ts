/**
 * Which language a message is in, when it is plainly not English: by script (Cyrillic,
 * Arabic, …), by letters only some Latin alphabets have (Azerbaijani ə, Turkish ğ/ı), or by
 * a language's commonest question words. Undefined means "treat it as English".
 */
import { QUESTION_WORD_TYPOS } from '../answer/question.js';

export type Language = 'ru' | 'uk' | 'ar' | 'fa' | 'az' | 'tr' | 'es' | 'fr' | 'de' | 'zh' | 'other';

const BY_SCRIPT: [RegExp, Language][] = [
  [/[іїєґ]/iu, 'uk'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/[پچژگ]/u, 'fa'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u, 'zh'],
  [/[\p{Script=Greek}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}]/u, 'other'],
];
const BY_WORDS: [RegExp, Language][] = [
  [/ə|\b(?:nə|kim|niyə|harada|nə vaxt|necə|haqqında|salam)\b/iu, 'az'],
  [/[ğış]|\b(?:ne zaman|nerede|neden|nasıl|kimdir|merhaba|haber)\b/iu, 'tr'],
  [/[¿ñ]|\b(?:qué|quién|cuándo|dónde|por qué|cuántos|hola|noticias)\b/iu, 'es'],
  [/\b(?:qu'est|pourquoi|quand|où|qui a|combien|bonjour|est-ce|c'est quoi)\b/iu, 'fr'],
  [/[ß]|\b(?:warum|wann|wo ist|wer ist|wie viele|hallo|nachrichten)\b/iu, 'de'],
];

export function detectLanguage(text: string): Language | undefined {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return undefined;
  for (const [pattern, language] of BY_SCRIPT) {
    const share = [...letters].filter((letter) => pattern.test(letter)).length / letters.length;
    if (share > 0.3) return language;
  }
  // A language's letters or question words decide only over as many words only English has:
  // "who is Kim Collins?" and "what did Erdoğan say?" are English questions about foreign
  // names; "Pourquoi le ministre a-t-il dit…" is French ("a" is French too).
  const english = englishWords(text, ONLY_ENGLISH_WORDS);
  for (const [pattern, language] of BY_WORDS) {
    if (wordsMatching(text, pattern) > english) return language;
  }
  return byFunctionWords(text, englishWords(text, ENGLISH_FUNCTION_WORDS));
}

/** How many of a message's words a language's cue touches: "Beşiktaş" is one word, however many of its letters are Turkish. */
function wordsMatching(text: string, pattern: RegExp): number {
  const wordAt = (offset: number): number => (text.slice(0, offset).match(/[\p{L}'’-]+/gu) ?? []).length;
  return new Set([...text.matchAll(new RegExp(pattern.source, 'giu'))].map((match) => wordAt((match.index ?? 0) + 1))).size;
}

/**
 * The little words every sentence of a language has (German, Italian, Portuguese, Dutch;
 * Spanish and French are found by their question words above, and "de la" also opens
 * English names). A message with at least MIN_FUNCTION_WORDS of one language's, and more of
 * them than of English's, is in that language: "wer hat den Brief geschrieben?".
 */
const FUNCTION_WORDS: [Set<string>, Language][] = [
  [new Set('der die das den dem des ein eine einen und ist hat nicht wer was wie wo mit von zu auf für'.split(' ')), 'de'],
  [new Set('il lo la le gli un una che chi di del della è ha non per con cosa come dove quando perché'.split(' ')), 'other'],
  [new Set('o os a as um uma que quem de do da é não para com como onde quando porque foi'.split(' ')), 'other'],
  [new Set('de het een en is heeft niet wie wat hoe waar wanneer waarom van met voor'.split(' ')), 'other'],
];
/**
 * English's little words, and the misspellings of its question words readers type ("hwo",
 * "whats"); not those that are another language's own ("wat", "hoe": Dutch for what, how).
 */
const ENGLISH_FUNCTION_WORDS = new Set([...'the a an of to in on is are was were has have had who what when where why how which did does do and or not for with by from it this that he she they'.split(' '), ...QUESTION_WORD_TYPOS.filter((typo) => !FUNCTION_WORDS.some(([words]) => words.has(typo)))]);
const MIN_FUNCTION_WORDS = 2;

/** English's little words that no language the bot tells apart uses too: not "a", "on" (French), "an", "in", "die" (German), "is" (Dutch)… */
const ONLY_ENGLISH_WORDS = new Set([...ENGLISH_FUNCTION_WORDS].filter((word) => !FUNCTION_WORDS.some(([words]) => words.has(word)) && !['a', 'an', 'in', 'on'].includes(word)));

function englishWords(text: string, english: ReadonlySet<string>): number {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => english.has(word)).length;
}

function byFunctionWords(text: string, english: number): Language | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: { language: Language; count: number } | undefined;
  for (const [set, language] of FUNCTION_WORDS) {
    const count = words.filter((word) => set.has(word)).length;
    if (count >= MIN_FUNCTION_WORDS && count > english && (!best || count > best.count)) best = { language, count };
  }
  return best?.language;
}

const ENGLISH = 'I can only answer in English for now. Please ask your question in English, for example:';

/** "I answer in English, e.g. …", in the reader's language where we have it; the English follows. */
const ONLY_ENGLISH: Partial<Record<Language, string>> = {
  ru: 'Я пока отвечаю только на английском. Задайте вопрос по-английски, например:',
  uk: 'Поки що я відповідаю лише англійською. Поставте запитання англійською, наприклад:',
  ar: 'أجيب حاليًا باللغة الإنجليزية فقط. يرجى طرح سؤالك بالإنجليزية، مثلًا:',
  fa: 'فعلاً فقط به زبان انگلیسی پاسخ می‌دهم. لطفاً سؤال خود را به انگلیسی بپرسید، مثلاً:',
  az: 'Hələlik yalnız ingilis dilində cavab verirəm. Sualınızı ingiliscə verin, məsələn:',
  tr: 'Şimdilik yalnızca İngilizce yanıt veriyorum. Lütfen sorunuzu İngilizce sorun, örneğin:',
  es: 'Por ahora solo respondo en inglés. Haz tu pregunta en inglés, por ejemplo:',
  fr: "Pour l'instant, je réponds uniquement en anglais. Posez votre question en anglais, par exemple :",
  de: 'Ich antworte vorerst nur auf Englisch. Bitte stellen Sie Ihre Frage auf Englisch, zum Beispiel:',
};

export function onlyEnglishReply(language: Language, example: string): string {
  const english = `${ENGLISH} “${example}”`;
  const local = ONLY_ENGLISH[language];
  return local ? `${local} “${example}”\n\n${english}` : english;
}
