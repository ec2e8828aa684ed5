import { useEffect, useState } from 'react';
import { useReportError } from './feedback.js';

/**
 * Loads data for a page. `load` must be memoised (useCallback) on what it depends on: a new
 * function means new data is due. The previous data stays visible while the next arrives;
 * failures are reported with the server's message. `setData` replaces the shown data with what a
 * save returned, without loading again.
 */
export function useLoad<T>(load: () => Promise<T>): { data: T | undefined; loading: boolean; reload: () => void; setData: (data: T) => void } {
  const report = useReportError();
  const [tick, setTick] = useState(0);
  const [result, setResult] = useState<{ load: unknown; tick: number; data: T | undefined }>({ load: null, tick: -1, data: undefined });

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ load, tick, data }),
      (err: unknown) => {
        if (!live) return;
        setResult((r) => ({ load, tick, data: r.data }));
        report(err);
      },
    );
    return () => {
      live = false;
    };
  }, [load, tick, report]);

  return {
    data: result.data,
    loading: result.load !== load || result.tick !== tick,
    reload: () => setTick((n) => n + 1),
    setData: (data: T) => setResult((r) => ({ ...r, data })),
  };
}
