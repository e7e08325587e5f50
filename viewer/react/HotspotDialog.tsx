import { useEffect, useRef } from 'react';
import type { Hotspot } from '../types.ts';
import type { Strings } from './strings.ts';

/**
 * Fallback panel for a hotspot the page did not handle itself. A native modal <dialog>: focus moves in, Esc closes,
 * and focus returns to the control that opened it.
 */
export function HotspotDialog({ hotspot, strings, onClose }: { hotspot: Hotspot | null; strings: Strings; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (hotspot && !dialog.open) dialog.showModal();
    if (!hotspot && dialog.open) dialog.close();
  }, [hotspot]);
  return (
    <dialog
      ref={ref}
      // The close event is queued, not synchronous: after Esc and a quick next hotspot it can arrive when the dialog
      // is already open again, for the next one. Only a dialog that is really closed ends the state.
      onClose={(e) => !e.currentTarget.open && onClose()}
      aria-labelledby="hall-hotspot-title"
      style={{ maxWidth: 420, borderRadius: 12, border: 'none', padding: 20 }}
    >
      {hotspot && (
        <>
          {/* Focus lands on the title, not on the close button: the Enter that opened the dialog must not close it. */}
          <h2 id="hall-hotspot-title" tabIndex={-1} autoFocus style={{ marginTop: 0, fontSize: 18 }}>
            {strings.kinds[hotspot.kind]}：{hotspot.label}
          </h2>
          {hotspot.description && <p>{hotspot.description}</p>}
          {hotspot.kind === 'media' && hotspot.target && /^https?:/.test(hotspot.target) && (
            <p>
              <a href={hotspot.target} target="_blank" rel="noopener">{hotspot.target}</a>
            </p>
          )}
          <form method="dialog">
            <button type="submit">{strings.close}</button>
          </form>
        </>
      )}
    </dialog>
  );
}
