/**
 * A source's problem (src/sources/source-problem.ts) in a chat's language: the catalogues hold one
 * `problem-<code>` message per code, with the problem's arguments as its placeables. The English
 * sentence of the error stays what logs, the CLI and the web console show.
 */
import type { ProblemArgs, ProblemCode, SourceProblem } from '../sources/source-problem.js';
import type { MessageArgs } from './message-keys.js';
import type { Translate } from './translations.js';

type ArgNames<T> = T extends null ? never : keyof T;

/** Codes whose `problem-<code>` message is missing or takes other placeables than the problem's. */
type Unworded = {
  [K in ProblemCode]: `problem-${K}` extends keyof MessageArgs
    ? [keyof ProblemArgs[K]] extends [Exclude<ArgNames<MessageArgs[`problem-${K}`]>, 'then'>]
      ? [Exclude<ArgNames<MessageArgs[`problem-${K}`]>, 'then'>] extends [keyof ProblemArgs[K]]
        ? never
        : K
      : K
    : K;
}[ProblemCode];

/** Fails to compile naming the code, until locales/en has its message (then `npm run i18n:keys`). */
const everyProblemWorded: [Unworded] extends [never] ? true : Unworded = true;

/**
 * How a read is repeated: a `polled` source is tried again with backoff; a `one-off` read (adding a
 * source, an import) is not, so a passing problem ends "try again later" instead.
 */
export type ReadKind = 'polled' | 'one-off';

/**
 * The problem as one sentence in the translator's language. Messages of passing problems end with
 * `{ $then }`, the clause that says what happens next (see ReadKind).
 */
export function problemText(problem: SourceProblem, t: Translate, read: ReadKind = 'polled'): string {
  void everyProblemWorded;
  // The codes' keys and arguments are checked above; TypeScript cannot follow the union here.
  const untyped = t as unknown as (key: string, args: Record<string, string | number>) => string;
  const then = t(read === 'polled' ? 'problem-then-retry' : 'problem-then-try-later');
  return untyped(`problem-${problem.code}`, { ...problem.args, then });
}

/**
 * Why an address was refused, in the chat's language: the refusal's own words (`say`), or its
 * problem, or, for an error Quotewire has no words for, its English reason.
 */
export function refusalReason(
  result: { reason: string; say?: (t: Translate) => string; problem?: SourceProblem },
  t: Translate,
): string {
  if (result.say) return result.say(t);
  // A refused address is not added, so nothing will read it again.
  return result.problem ? problemText(result.problem, t, 'one-off') : result.reason;
}

/** A failing source's last error in the chat's language; the stored English when it has no problem. */
export function lastErrorText(
  status: { lastError: string | null; lastProblem?: SourceProblem | null },
  t: Translate,
): string {
  return status.lastProblem ? problemText(status.lastProblem, t) : (status.lastError ?? '');
}
