import { useCallback, useRef, useState } from 'react';

/** One step that can be taken back, by issuing the inverse API calls. */
export interface UndoStep {
  label: string;
  revert: () => Promise<void>;
}

/**
 * The editor's undo history (last `limit` steps). Re-creating something deleted gives it a new id, so steps
 * recorded earlier look ids up through `current()`, which follows every re-creation.
 */
export function useUndo(limit = 20) {
  const [steps, setSteps] = useState<UndoStep[]>([]);
  const renamed = useRef(new Map<string, number>());

  const push = useCallback((step: UndoStep) => setSteps((s) => [...s.slice(-(limit - 1)), step]), [limit]);
  const current = useCallback((kind: 'scene' | 'hotspot', id: number): number => {
    let at = id;
    for (let hops = 0; hops < 100; hops++) {
      const next = renamed.current.get(`${kind}:${at}`);
      if (next === undefined) return at;
      at = next;
    }
    return at;
  }, []);
  const recreated = useCallback((kind: 'scene' | 'hotspot', oldId: number, newId: number) => {
    renamed.current.set(`${kind}:${oldId}`, newId);
  }, []);
  const undo = useCallback(async () => {
    const step = steps.at(-1);
    if (!step) return null;
    setSteps((s) => s.slice(0, -1));
    await step.revert();
    return step;
  }, [steps]);

  return { last: steps.at(-1) ?? null, push, undo, current, recreated };
}
