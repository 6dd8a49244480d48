import { threadEntry, type ThreadEntry } from '../ml/parallel/thread-entry.js';

/** Where the training thread's code is. */
export function trainingWorkerEntry(): ThreadEntry {
  return threadEntry(new URL('./training-worker', import.meta.url));
}
