import type { Readable } from 'node:stream';

/** Records held ahead of the consumer before the stream is paused. */
const HIGH_WATER = 1024;

/**
 * A readable stream's items as an async iterable that, unlike the stream's own iterator, yields
 * every item pushed before an error and only then throws: a parse failure at the end of a file
 * must not hide the records read before it, which say where the failure is.
 */
export async function* untilError<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let head = 0;
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  stream.on('data', (item: T) => {
    queue.push(item);
    if (queue.length - head >= HIGH_WATER) stream.pause();
    signal();
  });
  stream.on('error', (err) => {
    failure = err;
    signal();
  });
  stream.on('end', () => {
    ended = true;
    signal();
  });
  try {
    for (;;) {
      if (head < queue.length) {
        const item = queue[head++];
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
          if (stream.isPaused()) stream.resume();
        }
        yield item;
      } else if (failure !== null) {
        throw failure;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    // A consumer that stops early (an error in a later row) stops the parsing too.
    if (!ended) stream.destroy();
  }
}
