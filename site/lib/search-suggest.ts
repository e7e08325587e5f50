/**
 * Search-as-you-type for inputs marked `data-suggest`: turns a plain search field (which works as an ordinary GET
 * form without JavaScript) into a WAI-ARIA combobox with a listbox popup (APG "list autocomplete"): Down/Up move
 * through suggestions (aria-activedescendant), Enter opens the chosen one (or submits the form when none is
 * chosen), Escape closes the list (and clears the field when already closed). Suggestions come from
 * GET /api/suggest; a polite live region says how many there are.
 */
interface Suggestion {
  kind: 'firm' | 'product';
  label: string;
  labelEn: string | null;
  path: string;
}

const DEBOUNCE_MS = 150;
const MAX_CHARS = 100;

function enhance(input: HTMLInputElement) {
  const d = input.dataset;
  const lang = d.suggestLang === 'en' ? 'en' : 'zh';
  const kinds = JSON.parse(d.suggestKinds ?? '{}') as Record<string, string>;
  const counts = JSON.parse(d.suggestCounts ?? '[]') as [string, string, string];
  const listId = `${input.id}-suggestions`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', d.suggestLabel ?? '');
  list.hidden = true;
  const status = document.createElement('div');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  input.after(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');

  let items: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const href = (s: Suggestion) => (lang === 'en' ? `/en${s.path}` : s.path);
  const open = (yes: boolean) => {
    list.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) select(-1);
  };
  const select = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((s, i) => {
        const li = document.createElement('li');
        li.id = `${listId}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = kinds[s.kind] ?? s.kind;
        li.append(kind, ' ', lang === 'en' && s.labelEn ? s.labelEn : s.label);
        // mousedown, not click: the input keeps focus, so the list is not closed by blur first.
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          location.assign(href(s));
        });
        return li;
      }),
    );
    const n = items.length;
    status.textContent = (n === 0 ? counts[0] : n === 1 ? counts[1] : counts[2])?.replace('{n}', String(n)) ?? '';
    open(items.length > 0);
  };
  const load = async () => {
    const q = input.value.trim();
    controller?.abort();
    if (!q || [...q].length > MAX_CHARS) {
      items = [];
      open(false);
      return;
    }
    controller = new AbortController();
    try {
      const res = await fetch(`/api/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal });
      if (!res.ok) return;
      items = ((await res.json()) as { items: Suggestion[] }).items;
      render();
    } catch {
      // Aborted by a newer keystroke, or offline: the form still works.
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (items.length === 0) return;
      e.preventDefault();
      if (list.hidden) open(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Positions -1 (the field itself) … n-1, wrapping around.
      const n = items.length;
      select(step > 0 ? (active + 1 >= n ? -1 : active + 1) : active - 1 < -1 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
      e.preventDefault();
      location.assign(href(items[active]!));
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        open(false);
      } else input.value = '';
    }
  });
  input.addEventListener('blur', () => open(false));
}

document.querySelectorAll<HTMLInputElement>('input[data-suggest]').forEach(enhance);
