// What every command that opens a deck's state sets up first, in the full program and in
// `study`'s own entry (study-program.ts).

/**
 * Lets the store schedule again a review that merging machines' logs finds made on a state its
 * writer did not see (store/merged-log.ts). Here, not in the store: `due`'s quick path leaves
 * ts-fsrs out of its bundle.
 */
export async function useSchedulerForMerges(): Promise<void> {
  const [{ Scheduler }, { useRescheduler }] = await Promise.all([import('../schedule/scheduler.js'), import('../store/state.js')]);
  useRescheduler((settings) => {
    const scheduler = new Scheduler(settings);
    return (state, entry) => (entry.kind === 'review' ? scheduler.answer(entry.card, state, entry.rating, entry.at) : entry.after);
  });
}
