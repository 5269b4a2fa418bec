// Whether an answer only says again what the title says: "Zero-shot Image-to-Image Translation"
// answered by "Proposes a model for zero-shot image-to-image translation." Such a card teaches
// nothing its front does not, and a reading list's one-line summaries are often just that (a
// digest that rewords each title). The note is then skipped with that reason, which asks the
// user for a "Key idea:" line, rather than made into a card that is its own answer. (key-idea.ts
// has a stricter test of its own for ranking: a short sentence made only of the title's words is
// passed over there; this one judges the answer chosen, allowing the words that only say a paper
// exists and one word more.)

/** Words that say a paper exists, not what it does: they add nothing to the title. */
const GENERIC = new Set(
  (
    'a an the of for to in on with and or via by from that this these which is are be as at into its their it we our ' +
    'using use uses used based propose proposes proposed introduce introduces introduced present presents presented ' +
    'new novel approach method framework model technique system work paper study studies perform performs ' +
    'investigate investigates explore explores examine examines analyze analyzes analyse analyses evaluate evaluates ' +
    'capability capabilities ability both also various different more better improved improve improves efficient simple effective'
  ).split(' '),
);

/** A word as compared: lower case, a plural or -ing ending taken off ("models", "learning"). */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map(stem);
}

/** The most words an answer may add to its title and still only restate it ("proprietary"). */
const MOST_ADDED = 1;
/** An answer longer than this says more than its title, whatever its words. */
const MOST_WORDS = 25;

/**
 * Whether `answer` says nothing its `title` does not: it is made of the title's words, the words
 * that only say a paper exists ("proposes a model"), and at most one more; it takes more of its
 * words from the title than it adds ("Drops recurrence" for "Attention Is All You Need" adds the
 * idea itself); and it says at least half of what the title says ("A variant of Q learning."
 * under "Learning Visual Servoing with Deep Features and Trust Region Fitted Q-Iteration" shares
 * two words with it by chance, and places the method).
 */
export function answerRestatesTitle(title: string, answer: string): boolean {
  const answerWords = words(answer);
  if (answerWords.length > MOST_WORDS) return false;
  const titleWords = new Set(words(title).filter((word) => !GENERIC.has(word)));
  const covered = new Set<string>();
  let added = 0;
  let fromTitle = 0;
  for (const word of answerWords) {
    if (GENERIC.has(word)) continue;
    if (titleWords.has(word)) {
      fromTitle++;
      covered.add(word);
    } else if (++added > MOST_ADDED) return false;
  }
  return fromTitle >= Math.max(2, added) && 2 * covered.size >= titleWords.size;
}
