/**
 * Runs one person's messages one after another: two quick messages must not both read the same
 * open question and both write an answer. Different people still run side by side.
 */
export class PerPersonQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(personId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(personId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(personId, tail);
    void tail.then(() => {
      if (this.tails.get(personId) === tail) this.tails.delete(personId);
    });
    return next;
  }
}
