import { useEffect, useState } from 'react';
import type { Strings } from './strings.ts';
import { useStageLayout } from './useStageLayout.ts';

/** Shares the current URL (which carries the view in its hash): the system share sheet, else the clipboard. */
export function ShareButton({ strings, title }: { strings: Strings; title?: string }) {
  const [copied, setCopied] = useState(false);
  const { compact } = useStageLayout();
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  const share = async () => {
    const url = location.href;
    if (typeof navigator.share === 'function') {
      await navigator.share({ url, title }).catch(() => {});
      return;
    }
    await navigator.clipboard?.writeText(url).then(() => setCopied(true), () => {});
  };
  return (
    <button
      type="button"
      onClick={() => void share()}
      style={{ height: compact ? 32 : 36, font: `${compact ? 13 : 14}px system-ui, sans-serif`, color: '#fff', background: 'rgba(0,0,0,.55)', border: '1px solid rgba(255,255,255,.5)', borderRadius: 8, padding: compact ? '0 7px' : '0 10px', cursor: 'pointer', pointerEvents: 'auto' }}
    >
      {strings.share}
      <span role="status" style={{ marginLeft: copied ? 6 : 0 }}>{copied ? strings.copied : ''}</span>
    </button>
  );
}
