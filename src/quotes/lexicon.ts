/**
 * Word lists the quote extractor matches against. They stand in for a part-of-speech tagger:
 * attribution in news copy uses a small closed set of verbs, titles and function words, so a
 * lookup in a Set is both faster and more predictable than a statistical model.
 * All entries are lowercase.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Verbs that introduce speech, in every form news copy uses them. */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told telling add adds added adding
  explain explains explained explaining note notes noted noting write writes wrote writing
  state states stated stating ask asks asked asking reply replies replied replying
  respond responds responded responding answer answers answered answering
  argue argues argued arguing insist insists insisted insisting claim claims claimed claiming
  warn warns warned warning conclude concludes concluded concluding continue continues continued
  recall recalls recalled recalling admit admits admitted admitting
  acknowledge acknowledges acknowledged acknowledging confirm confirms confirmed confirming
  declare declares declared declaring announce announces announced announcing
  suggest suggests suggested suggesting comment comments commented commenting
  remark remarks remarked remarking observe observes observed observing
  tweet tweets tweeted tweeting post posts posted posting testify testifies testified testifying
  shout shouts shouted shouting chant chants chanted chanting yell yells yelled yelling
  scream screams screamed screaming exclaim exclaims exclaimed exclaiming
  whisper whispers whispered whispering joke jokes joked joking quip quips quipped quipping
  urge urges urged urging plead pleads pleaded pleading promise promises promised promising
  vow vows vowed vowing predict predicts predicted predicting concede concedes conceded conceding
  stress stresses stressed stressing emphasize emphasizes emphasized emphasizing
  emphasise emphasises emphasised emphasising maintain maintains maintained maintaining
  contend contends contended contending assert asserts asserted asserting
  boast boasts boasted boasting complain complains complained complaining
  lament laments lamented lamenting mention mentions mentioned mentioning
  reveal reveals revealed revealing caution cautions cautioned cautioning
  demand demands demanded demanding recount recounts recounted recounting
  agree agrees agreed agreeing counter counters countered countering
  describe describes described describing call calls called calling
  cry cries cried crying sigh sighs sighed sighing laugh laughs laughed laughing
  report reports reported reporting reads
`);

/**
 * Verbs that put their object before a quoted phrase ("called the conclusion 'bold'", "urged the
 * government 'to clarify…'", "sees an 'enormous opportunity'"). "sees" and the naming verbs
 * cannot credit a quotation on their own but do introduce one.
 */
export const OBJECT_VERBS = words(`
  call calls called calling describe describes described describing urge urges urged urging
  sees see saw dubbed dubs labelled labeled labels termed terms branded brands
`);

/**
 * Verbs of thinking and feeling: a sentence like "Raab agrees the risk is real." announces that a
 * quotation of its subject follows.
 */
export const OPINION_VERBS = words(`
  agree agrees agreed believe believes believed think thinks thought feel feels felt hope hopes
  hoped fear fears feared want wants wanted expect expects expected worry worries worried see sees
  saw know knows knew remember remembers remembered wonder wonders wondered admit admits admitted
  reflect reflects reflected recall recalls recalled speak speaks spoke speaking
`);

/** Personal pronouns that can stand for a speaker, mapped to what they may refer to. */
export const PRONOUNS: ReadonlyMap<string, 'person' | 'thing' | 'group'> = new Map([
  ['he', 'person'],
  ['she', 'person'],
  ['it', 'thing'],
  ['they', 'group'],
]);

/** Subject pronouns: after a reporting verb they open a reported (indirect) clause. */
export const SUBJECT_PRONOUNS = words('i he she we they you it there');

/** Auxiliaries and adverbs that may sit between a subject and its reporting verb. */
export const VERB_MODIFIERS = words(`
  has have had was were is are will would also later then previously repeatedly recently again
  just once quickly simply only still even never always often now further earlier has had been
  did does do not can could may might should must later finally reportedly flatly
`);

/** Words that begin an introductory phrase which is not the sentence's subject. */
export const INTRO_WORDS = words(`
  in on at after before while when as since during under over from with without for by of to
  however but and yet still though although if because whereas meanwhile earlier later last next
  this that these those then also instead indeed today yesterday tomorrow now so asked speaking
  according despite following among amid like unlike once until upon within outside inside
  monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * Capitalised words that are not names: sentence openers, months, days and similar. A name
 * chunk that would start with one of these starts after it instead.
 */
export const NOT_NAMES = words(`
  the a an this that these those there here it its he she they we i you his her their our my your
  but and or so yet if as at by for in of on to with from into onto over under after before while
  when where why how what who which whom whose however although though because since until
  also still even just only then now today yesterday tomorrow instead meanwhile indeed perhaps
  according despite during following among amid like unlike about against between
  monday tuesday wednesday thursday friday saturday sunday
  january february april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  mr mrs ms dr watch read related photo video listen updated editor's note
  yes no not all some many most more few several both each every any no one
  said says told added asked
`);

/**
 * Everyday words that open sentences capitalised ("Rather, …", "Story continues below"). A
 * sentence's first word is not taken for a name when it is one of these or when the article
 * also uses it in lowercase.
 */
export const COMMON_STARTERS = words(`
  rather originally too less more down up just only even still yet already soon later now then
  there here finally eventually currently previously recently meanwhile instead otherwise
  besides overall together again almost nearly perhaps maybe probably certainly clearly
  obviously apparently unfortunately fortunately hopefully ultimately initially additionally
  similarly likewise nevertheless nonetheless thus therefore hence accordingly consequently
  elsewhere across around behind beyond near off out through throughout toward towards upon
  story photo photos video watch read advertisement related file image caption editor click
  share subscribe sign follow update correction many much most some several few both either
  neither each every none nothing something everything anyone someone everyone nobody other
  others another such same first second third last next new top big small high low long short
  early late no yes please thanks thank
`);

/** Titles and honorifics stripped from the front of a name ("Secretary of State Mike Pompeo"). */
export const TITLE_WORDS = words(`
  mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor rev rev. reverend
  president vice-president vice premier minister secretary secretary-general chancellor senator sen
  sen. rep rep. representative congressman congresswoman mp mpp mla mep mayor governor gov gov.
  judge justice chief leader speaker ambassador envoy commissioner chairman chairwoman chair
  chairperson ceo cfo coo director director-general manager spokesperson spokesman spokeswoman
  coach captain capt capt. general gen gen. lieutenant lt lt. colonel col col. sergeant sgt sgt.
  corporal cpl cpl. constable const const. inspector insp insp. superintendent supt supt.
  detective det det. officer commander admiral marshal deputy assistant associate acting interim
  former senior minority majority whip councillor councilor councilman alderman attorney pope
  king queen prince princess father sister brother rabbi imam bishop archbishop cardinal
  crown prosecutor sheriff agent analyst economist strategist founder co-founder owner
  head
`);

/** Capitalised words that mark an organisation rather than a person. */
export const ORG_WORDS = words(`
  inc inc. corp corp. co co. ltd ltd. llc plc group company corporation association council
  party government ministry department agency commission committee board bank university college
  school hospital police service services office institute centre center foundation union league
  club team court parliament senate house congress army navy forces press news network society
  hydro authority administration bureau federation organization organisation program programme
  canada statistics
`);

/**
 * Words in the names of newspapers, broadcasters and agencies: "…, reports the Golf Channel",
 * "told the Daily Telegraph". Such a name is the reporter or the audience of a quotation far more
 * often than its speaker.
 */
export const MEDIA_WORDS = words(`
  times post news telegraph mail herald guardian journal gazette tribune chronicle channel radio
  television tv magazine press wire broadcaster broadcasting observer inquirer daily weekly cnn bbc
  abc nbc cbs msnbc reuters afp ap bloomberg
`);

/** Nouns that describe a person by role, used to resolve "the minister" to a named person. */
export const PERSON_ROLES = words(`
  minister premier president secretary spokesperson spokesman spokeswoman official officer chief
  leader director chairman chairwoman chair executive ceo mayor governor senator mp coach
  manager expert professor doctor economist analyst lawyer prosecutor judge commissioner
  superintendent inspector sergeant constable researcher scientist author writer founder owner
  republican democrat conservative liberal goalie forward defenceman defenseman player captain
  veteran rookie netminder winger centre center guard wing striker pitcher quarterback
  woman man mother father wife husband son daughter resident student teacher worker
  ambassador diplomat envoy chancellor strategist candidate activist organizer organiser
  singer actor actress artist musician star
`);

/**
 * Words that open place names: "East Grinstead", "New Brunswick", "Port Moody", "Lake Louise".
 * A capitalised run starting with one names a place, not a person.
 */
export const PLACE_PREFIXES = words(`
  east west north south northern southern eastern western new old upper lower greater great little
  port fort mount mt lake cape san santa st saint los las el
`);

/** Abbreviations whose trailing period does not end a sentence. */
export const ABBREVIATIONS = words(`
  mr mrs ms dr prof rev sen rep gov gen lt col capt sgt cpl const insp supt det st mt ft jr sr
  no vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec
`);
