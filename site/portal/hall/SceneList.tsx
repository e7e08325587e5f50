import { useState } from 'react';
import type { UiLang } from '../api.ts';
import { portalStrings } from '../strings.ts';
import type { SceneRow } from '../types.ts';

export interface SceneListProps {
  lang: UiLang;
  scenes: SceneRow[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onRename: (scene: SceneRow, title: string, titleEn: string) => void;
  onReorder: (ids: number[]) => void;
  onDelete: (scene: SceneRow) => void;
}

/** The hall's scenes in order: pick one to edit, rename, move with buttons or by dragging, delete. */
export function SceneList({ lang, scenes, selectedId, onSelect, onRename, onReorder, onDelete }: SceneListProps) {
  const s = portalStrings(lang);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const ids = scenes.map((x) => x.id);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    onReorder(next);
  };

  if (scenes.length === 0) return <p className="muted">{s.hall.noScenes}</p>;
  return (
    <>
      <p className="muted-s">{s.hall.dragHint}</p>
      <ol className="scene-items" aria-label={s.hall.scenes}>
        {scenes.map((scene, i) => (
          <li
            key={scene.id}
            className={`scene-item${over === scene.id && dragging !== scene.id ? ' drop' : ''}`}
            aria-current={scene.id === selectedId ? 'true' : undefined}
            draggable={renaming !== scene.id}
            onDragStart={(e) => {
              setDragging(scene.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(scene.id);
            }}
            onDragLeave={() => setOver((o) => (o === scene.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(ids.indexOf(dragging), i);
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
          >
            {scene.panorama ? <img src={scene.panorama.posterUrl} alt="" loading="lazy" /> : <span />}
            {renaming === scene.id ? (
              <form
                className="form"
                style={{ gridColumn: '1 / -1', gap: 6 }}
                onSubmit={(e) => {
                  e.preventDefault();
                  const f = new FormData(e.currentTarget);
                  onRename(scene, String(f.get('title') ?? ''), String(f.get('titleEn') ?? ''));
                  setRenaming(null);
                }}
              >
                <input name="title" aria-label={s.hall.sceneTitle} defaultValue={scene.title} required maxLength={40} autoFocus />
                <input name="titleEn" aria-label={s.hall.sceneTitleEn} defaultValue={scene.titleEn ?? ''} maxLength={80} placeholder="English" />
                <span className="form-actions">
                  <button className="btn small" type="submit">
                    {s.common.save}
                  </button>
                  <button className="btn small secondary" type="button" onClick={() => setRenaming(null)}>
                    {s.common.cancel}
                  </button>
                </span>
              </form>
            ) : (
              <button type="button" className="pick" onClick={() => onSelect(scene.id)} aria-pressed={scene.id === selectedId}>
                {i + 1}. {scene.title}
                {scene.titleEn && <span className="muted-s"> · {scene.titleEn}</span>}
              </button>
            )}
            <span className="ops">
              <button type="button" className="icon-btn" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`${s.hall.moveUp}：${scene.title}`}>
                ↑
              </button>
              <button type="button" className="icon-btn" onClick={() => move(i, i + 1)} disabled={i === scenes.length - 1} aria-label={`${s.hall.moveDown}：${scene.title}`}>
                ↓
              </button>
              <button type="button" className="icon-btn" onClick={() => setRenaming(scene.id)}>
                {s.hall.rename}
              </button>
              <button
                type="button"
                className="icon-btn"
                onClick={() => {
                  if (confirm(s.common.confirmDelete(scene.title))) onDelete(scene);
                }}
              >
                {s.common.delete}
              </button>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
