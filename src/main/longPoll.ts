/**
 * A long poll's wait, shared by the jobs that are followed by polling (imports, the reuse
 * report): resolves at the job's next change (one of its `listeners` called) or after `ms`
 * without one.
 */
export function nextChange(listeners: Set<() => void>, ms = 1000): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listeners.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    listeners.add(done);
  });
}
