import { useEffect, useRef, useState } from 'react';
import { adminApi, type UiLang } from './api.ts';

/** One firm as offered: its register id and what the list shows (name and credit code). */
interface FirmOption {
  id: number;
  label: string;
}

const pickerStrings = {
  zh: { none: '没有匹配的企业', chosen: (label: string) => `已选：${label}` },
  en: { none: 'No firm matches', chosen: (label: string) => `Chosen: ${label}` },
};

/**
 * Chooses a firm of the register by typing part of its name, a short name or its credit code: the register's own
 * search within the user's scope (GET /api/admin/enterprises?q=…, eight at a time) offers the matches as the
 * input's list, and the chosen firm's id goes in a hidden input called `name`. `aria` comes from the surrounding
 * Field (label, hint, error). Nothing is chosen until the text is one of the offered firms.
 */
export function FirmPicker({ name, lang, csrfToken, aria, required }: { name: string; lang: UiLang; csrfToken: string; aria: { id: string }; required?: boolean }) {
  const t = pickerStrings[lang];
  const [text, setText] = useState('');
  const [options, setOptions] = useState<FirmOption[]>([]);
  const [searched, setSearched] = useState(false);
  const asked = useRef(0);
  const chosen = options.find((o) => o.label === text) ?? null;

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || chosen) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      adminApi<{ items: { id: number; name: string; creditCode: string }[] }>('GET', `/enterprises?q=${encodeURIComponent(q)}&pageSize=8`, csrfToken)
        .then((res) => {
          if (ask !== asked.current) return; // a later keystroke asked again
          setOptions(res.items.map((f) => ({ id: f.id, label: `${f.name}（${f.creditCode}）` })));
          setSearched(true);
        })
        .catch(() => undefined);
    }, 200);
    return () => clearTimeout(timer);
  }, [text]);

  const listId = `${aria.id}-list`;
  return (
    <>
      <input {...aria} type="search" list={listId} autoComplete="off" value={text} required={required} onChange={(e) => setText(e.target.value)} />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <p className="hint" aria-live="polite">
        {chosen ? t.chosen(chosen.label) : searched && options.length === 0 && text.trim().length >= 2 ? t.none : ''}
      </p>
    </>
  );
}
