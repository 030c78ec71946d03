/**
 * English function words that carry no topic of their own. The summarizer ignores them when it
 * measures what a sentence is about. Keep the list to grammar words and reporting verbs ("said",
 * "told") so that topic words such as "police" or "government" are never dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each
  even ever every few for from further get gets got had hadn has hasn have haven having he her here hers
  herself him himself his how however i if in into is isn it its itself just let ll me might more most
  much must mustn my myself no nor not now of off on once only or other ought our ours ourselves out over
  own re s same say said says shall shan she should shouldn so some such t than that the their theirs
  them themselves then there these they this those through thus to too under until up upon us ve very
  was wasn we were weren what when where which while who whom whose why will with within without won
  would wouldn yet you your yours yourself yourselves d m o y mr mrs ms dr told according like well
  still since among around another may`.split(/\s+/),
);
