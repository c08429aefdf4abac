/**
 * What every chat adapter shares about delivering messages.
 */
import type { DeliveryError } from '../../src/core/errors.js';

/** Turns a platform SDK's error into a DeliveryError, or says it is none it knows. */
export type ErrorClassifier = (err: unknown) => DeliveryError | undefined;

/**
 * Runs `work`, turning a platform error the adapter recognises into a DeliveryError: the
 * scheduler reads only those, so it never needs platform words.
 */
export async function translatingErrors<T>(classify: ErrorClassifier, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw classify(err) ?? err;
  }
}
