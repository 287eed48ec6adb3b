/**
 * Small word lists that let cheap load-time rules tell people from organisations and
 * places. A full NER model would be better but costs ~35 s on 2,225 articles (DESIGN.md).
 */

const list = (text: string): Set<string> => new Set(text.split('|').map((word) => word.toLowerCase()));

export const COUNTRIES = list(
  'Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|England|Eritrea|Estonia|Ethiopia|Europe|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Northern Ireland|Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|Saudi Arabia|Scotland|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UK|US|USA|United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|Britain|Great Britain|Africa|Asia|America|Latin America|Middle East|Caucasus|Karabakh|Balkans|Scandinavia|Antarctica|Arctic',
);

export const CITIES = list(
  'Baku|London|Paris|Berlin|Moscow|Washington|New York|Los Angeles|Chicago|Boston|San Francisco|Tokyo|Beijing|Shanghai|Hong Kong|Delhi|New Delhi|Mumbai|Dubai|Istanbul|Ankara|Tehran|Baghdad|Kabul|Cairo|Jerusalem|Tel Aviv|Rome|Milan|Madrid|Barcelona|Lisbon|Dublin|Edinburgh|Glasgow|Cardiff|Belfast|Manchester|Liverpool|Birmingham|Leeds|Brussels|Amsterdam|Geneva|Zurich|Vienna|Prague|Warsaw|Budapest|Athens|Stockholm|Oslo|Copenhagen|Helsinki|Kiev|Kyiv|Minsk|Tbilisi|Yerevan|Sydney|Melbourne|Toronto|Montreal|Vancouver|Mexico City|Sao Paulo|Rio de Janeiro|Buenos Aires|Johannesburg|Cape Town|Nairobi|Lagos|Seoul|Singapore|Bangkok|Jakarta|Manila|Hanoi|Karachi|Islamabad|Riyadh|Doha|Davos|Strasbourg|The Hague|Wimbledon|Westminster|Hollywood|Silicon Valley|Normandy|Sicily|Scandinavia|Brittany',
);

/** Whether a name is a country or a city of these lists, in any case. */
export function isGazetteerPlace(name: string): boolean {
  const folded = name.toLowerCase();
  return COUNTRIES.has(folded) || CITIES.has(folded);
}

/** Endings that make a country's adjective: Namibia-n, Kenya-n, Brazil-ian, Japan-ese, Pakistan-i. */
const DEMONYM_ENDINGS = ['ian', 'an', 'n', 'ese', 'i'];
/** A shorter stem than this matches too many countries by chance ("Ind-", "Mal-"). */
const MIN_DEMONYM_STEM = 4;
const SINGLE_WORD_COUNTRIES = [...COUNTRIES].filter((country) => !country.includes(' '));

/**
 * Whether a word is a country's adjective by its form ("Namibian", "Lebanese", "Israeli"): a
 * country of the list less the last letters, with one of the usual endings. A country's own
 * name ("Jordan") is not one.
 */
export function isDemonym(word: string): boolean {
  const folded = word.toLowerCase();
  if (COUNTRIES.has(folded)) return false;
  return DEMONYM_ENDINGS.some((ending) => {
    if (!folded.endsWith(ending)) return false;
    const stem = folded.slice(0, -ending.length);
    return stem.length >= MIN_DEMONYM_STEM && SINGLE_WORD_COUNTRIES.some((country) => country.startsWith(stem) && country.length - stem.length <= 1);
  });
}

/** Words that make a capitalised phrase an organisation (or an institution's title). */
export const ORG_WORDS = list(
  'International|Office|Agency|Council|Commission|Committee|Union|Party|Ministry|Department|Bank|Company|Corporation|Corp|Inc|Ltd|Plc|Group|Association|Organization|Organisation|Foundation|Institute|Institution|University|College|School|Court|Conference|Convention|Parliament|Assembly|Congress|Senate|Government|Administration|Authority|Board|Service|Services|Network|News|Times|Post|Journal|Trust|Fund|Federation|Forum|Society|Coalition|Consortium|Bureau|Tribunal|Panel|Guild|League|Club|United|City|Rovers|Athletic|Airlines|Airways|Motors|Systems|Technologies|Labs|Records|Studios|Pictures|Entertainment|Holdings|Partners|Forces|Army|Navy|Police|Unit|Centre|Center|Mechanism|Programme|Program|Democrats|Republicans|Labour|Conservatives|Tories|Nations|Olympics|Cup|Championship|Championships|Festival|Awards|Oscars|Microsoft|Google|Apple|Sony|Nintendo|BBC|UN|EU|NATO|OSCE|FBI|CIA|IMF|WTO|FIFA|UEFA|Reuters',
);

/** Words that name a position someone holds: they precede or follow a person's name. */
export const ROLE_WORDS = list(
  'Commissioner|Ombudsperson|Ombudsman|Secretary|General|Minister|President|Vice|Chairman|Chairwoman|Chair|Chancellor|Director|Chief|Executive|Head|Leader|Spokesman|Spokeswoman|Spokesperson|Manager|Coach|Captain|Editor|Founder|Analyst|Economist|Governor|Mayor|Senator|Ambassador|Envoy|Judge|Justice|Prosecutor|Attorney|Lawyer|King|Queen|Prince|Princess|Lord|Lady|Sir|Dame|Pope|Bishop|Archbishop|Officer|Deputy|Professor|Doctor|Dr|Mr|Mrs|Ms|Miss|Chief Executive|Boss|Star|Singer|Actor|Actress|Director|Producer|Striker|Midfielder|Defender|Goalkeeper|Keeper|Winger|Forward|Fly-half|Scrum-half|Full-back|Batsman|Bowler|Jockey|Player|Champion|Winner|Author|Writer|Researcher|Scientist|Expert|Rapporteur|Representative|Delegate|Speaker|Treasurer|Auditor|Inspector|Commander|Marshal|Colonel|General|Sergeant|Premier|Monarch|Emperor|Sheikh|Emir',
);

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Capitalised words that begin sentences without naming anything. */
export const NOT_NAMES = list(
  'The|A|An|According|Meanwhile|Furthermore|Moreover|However|It|In|On|At|For|But|And|Also|This|That|These|Those|He|She|They|We|I|You|His|Her|Their|Our|Its|Mr|Mrs|Ms|If|When|While|After|Before|Since|As|With|Without|By|From|To|Of|Last|Next|Earlier|Later|Now|Then|Yet|Still|Although|Though|Despite|During|Under|Over|Many|Some|Most|All|Both|Each|Every|Such|Other|Another|There|Here|What|Who|Why|How|Where|Which|Whose|Not|No|Yes|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Stay|Read|Click|Follow',
);

/** A name ending in one of these is a place: "Cotentin Peninsula", "Trim Castle", "Wembley Stadium". */
export const PLACE_WORDS = list(
  'Peninsula|Valley|River|Sea|Ocean|Island|Islands|Mountain|Mountains|Coast|Bay|Lake|Strait|Gulf|Desert|Forest|Region|Province|County|Street|Road|Square|Park|Stadium|Airport|Bridge|Castle|Cathedral|Abbey|Palace|Plain|Hills|Heights',
);

/** A name ending in one of these is a thing or an event, not a person: "Bayeux Tapestry", "World Cup". */
export const THING_WORDS = list(
  'Tapestry|Cup|League|Championship|Championships|Games|Olympics|Prize|Award|Awards|Festival|Act|Treaty|War|Battle|Revolution|Empire|Kingdom|Dynasty|Conquest|Age|Day|Bill|Report|Index|Show|Series|Album|Film|Movie|Book|Trophy|Open|Grand Prix|Summit|Conference|Agreement|Declaration|Convention|Protocol',
);

/**
 * A name ending in one of these is a contest or a ceremony, whatever else it holds: "Heineken
 * Cup", "Australian Open", "Meteor Awards" are no body that could do or be anything a
 * "who" or "which club" question asks, unless a body's name ends with one ("Organising
 * Committee of the Olympic Games"). "League" is left out: "the Football League" is a body.
 */
export const EVENT_ENDINGS = list('Cup|Final|Finals|Championship|Championships|Games|Olympics|Festival|Awards|Oscars|Open|Trophy|Prize|Prix');

/** Words that make a capitalised run something other than a person: "Norman French", "Near East", "Catholic Church". */
export const NOT_PERSON_WORDS = list(
  'English|French|German|Italian|Spanish|Portuguese|Dutch|Norse|Old|Middle|Modern|Western|Eastern|Northern|Southern|North|South|East|West|Near|Far|Holy|Catholic|Orthodox|Protestant|Danish|Swedish|Norwegian|Scottish|Irish|Welsh|British|American|European|Gothic|Norman|Normans|Viking|Vikings|Great|Early|Late|New|Upper|Lower|Central|Greater|Roman|Byzantine|Greek|Arab|Arabic|Latin|Celtic|Saxon|Anglo|Frankish|Russian|Chinese|Japanese|Indian|African|Asian|Islamic|Christian|Muslim|Jewish|Church|Channel|Crown|Restoration|Internet|Web|Online|Digital|National|International|Global|Royal|Federal|Supreme|Premier|Labour|Conservative|Liberal|Democrat|Democrats|Republican|Republicans|Tory|Tories',
);
