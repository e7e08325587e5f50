import { useCallback, useMemo, useRef, useState } from 'react';
import { angularDistance } from '../../../viewer/view/projection.ts';
import type { Hotspot, ViewDegrees } from '../../../viewer/types.ts';
import { api, ApiError, firmPath, type UiLang } from '../api.ts';
import { EntityForm } from '../listings/EntityForm.tsx';
import { LISTING_FIELDS } from '../listings/fields.ts';
import { portalStrings } from '../strings.ts';
import type { HallResponse, HotspotRow, SceneRow } from '../types.ts';
import { EditorStage } from './EditorStage.tsx';
import { HotspotPanel, type HotspotInput, type HotspotTargets } from './HotspotPanel.tsx';
import { SceneList } from './SceneList.tsx';
import { useUndo } from './undo.ts';
import { UploadPanel } from './UploadPanel.tsx';

export interface HallEditorProps {
  lang: UiLang;
  csrfToken: string;
  enterpriseId: number;
  initial: HallResponse;
  targets: HotspotTargets;
  previewUrl: string | null;
}

type Mode =
  | { at: 'view' }
  | { at: 'add' }
  | { at: 'draft'; yaw: number; pitch: number }
  | { at: 'move'; hotspotId: number }
  /** The stage shows a scene link's target; the view there becomes the link's arrival view. */
  | { at: 'arrival'; hotspotId: number };

const DEG = Math.PI / 180;
const round = (x: number) => Math.round(x * 100) / 100;
const clampFov = (fov: number) => Math.min(120, Math.max(20, round(fov)));
/** Fields of a hotspot the API takes back when re-creating it. */
const hotspotBody = (h: HotspotRow) => ({
  kind: h.kind, yaw: h.yaw, pitch: h.pitch, label: h.label, labelEn: h.labelEn, targetSceneId: h.targetSceneId,
  targetYaw: h.targetYaw, targetPitch: h.targetPitch, targetFov: h.targetFov, productId: h.productId, jobId: h.jobId, projectId: h.projectId, body: h.body, mediaUrl: h.mediaUrl,
});

/** The self-service hall editor: scenes, starting views and hotspots on the live 3D view, with undo. */
export function HallEditor({ lang, csrfToken, enterpriseId, initial, targets, previewUrl }: HallEditorProps) {
  const s = portalStrings(lang);
  const h = s.hall;
  const [scenes, setScenes] = useState<SceneRow[]>(initial.scenes);
  const [sceneId, setSceneId] = useState<number | null>(initial.scenes[0]?.id ?? null);
  const [mode, setMode] = useState<Mode>({ at: 'view' });
  const [selected, setSelected] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [goTo, setGoTo] = useState<Partial<ViewDegrees> | undefined>(undefined);
  const view = useRef<ViewDegrees>({ yaw: 0, pitch: 0, fov: 75 });
  const undo = useUndo(20);
  const call = useCallback(<T,>(method: string, path: string, body?: unknown) => api<T>(method, firmPath(enterpriseId, path), csrfToken, body), [enterpriseId, csrfToken]);

  const scene = scenes.find((x) => x.id === sceneId) ?? scenes[0] ?? null;
  const refresh = useCallback(async () => {
    const hall = await call<HallResponse>('GET', '/hall');
    setScenes(hall.scenes);
    return hall.scenes;
  }, [call]);

  /** Runs a change, records its inverse, reloads the hall; API messages land next to the fields. */
  const act = useCallback(
    async (label: string, change: () => Promise<(() => Promise<void>) | null>) => {
      setBusy(true);
      setErrors({});
      try {
        const revert = await change();
        if (revert) undo.push({ label, revert });
        await refresh();
        setStatus(`${label} · ${h.live}`);
        return true;
      } catch (e) {
        setErrors(e instanceof ApiError ? { form: e.text(lang), ...e.fieldErrors(lang) } : { form: String(e) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [refresh, undo, lang, h.live],
  );

  const A = h.actions;
  const createScene = async (panoramaId: string, title: string, titleEn: string) => {
    const created = await call<{ id: number }>('POST', '/hall/scenes', { panoramaId, title, titleEn });
    undo.push({ label: A.createScene, revert: async () => void (await call('DELETE', `/hall/scenes/${undo.current('scene', created.id)}`)) });
    await refresh();
    setSceneId(created.id);
    setStatus(`${A.createScene} · ${h.live}`);
  };

  const patchScene = (target: SceneRow, label: string, patch: Record<string, unknown>) =>
    act(label, async () => {
      await call('PATCH', `/hall/scenes/${target.id}`, patch);
      const before = { title: target.title, titleEn: target.titleEn, initialYaw: target.initialView.yaw, initialPitch: target.initialView.pitch, initialFov: target.initialView.fov };
      return async () => void (await call('PATCH', `/hall/scenes/${undo.current('scene', target.id)}`, before));
    });

  const reorder = (ids: number[]) =>
    act(A.reorder, async () => {
      const before = scenes.map((x) => x.id);
      setScenes((list) => ids.map((id) => list.find((x) => x.id === id)!));
      await call('PUT', '/hall/scene-order', { sceneIds: ids });
      return () => restoreOrder(before);
    });

  /** Puts scenes back in an earlier order; scenes added since go last, scenes gone since are skipped. */
  const restoreOrder = async (before: number[]) => {
    const now = (await call<HallResponse>('GET', '/hall')).scenes.map((x) => x.id);
    const wanted = before.map((id) => undo.current('scene', id)).filter((id) => now.includes(id));
    await call('PUT', '/hall/scene-order', { sceneIds: [...wanted, ...now.filter((id) => !wanted.includes(id))] });
  };

  const deleteScene = (target: SceneRow) =>
    act(A.deleteScene, async () => {
      // Deleting a scene also deletes hotspots elsewhere that lead to it: keep them to restore on undo.
      const inbound = scenes.flatMap((x) => (x.id === target.id ? [] : x.hotspots.filter((hs) => hs.targetSceneId === target.id)));
      const order = scenes.map((x) => x.id);
      await call('DELETE', `/hall/scenes/${target.id}`);
      if (sceneId === target.id) setSceneId(scenes.find((x) => x.id !== target.id)?.id ?? null);
      setSelected(null);
      return async () => {
        if (!target.panorama) return;
        const again = await call<{ id: number }>('POST', '/hall/scenes', { panoramaId: target.panorama.id, title: target.title, titleEn: target.titleEn });
        undo.recreated('scene', target.id, again.id);
        const v = target.initialView;
        await call('PATCH', `/hall/scenes/${again.id}`, { initialYaw: v.yaw, initialPitch: v.pitch, initialFov: v.fov });
        for (const hs of [...target.hotspots, ...inbound]) {
          const into = hs.sceneId === target.id ? again.id : undo.current('scene', hs.sceneId);
          const body = { ...hotspotBody(hs), targetSceneId: hs.targetSceneId == null ? null : undo.current('scene', hs.targetSceneId) };
          const made = await call<{ id: number }>('POST', `/hall/scenes/${into}/hotspots`, body);
          undo.recreated('hotspot', hs.id, made.id);
        }
        await restoreOrder(order);
      };
    });

  const saveHotspot = async (input: HotspotInput) => {
    if (!scene) return;
    if (mode.at === 'draft') {
      const ok = await act(A.addHotspot, async () => {
        const made = await call<{ id: number }>('POST', `/hall/scenes/${scene.id}/hotspots`, { ...input, yaw: round(mode.yaw), pitch: round(mode.pitch) });
        setSelected(made.id);
        return async () => void (await call('DELETE', `/hall/hotspots/${undo.current('hotspot', made.id)}`));
      });
      if (ok) setMode({ at: 'view' });
      return;
    }
    const old = scene.hotspots.find((x) => x.id === selected);
    if (!old) return;
    const { kind: _kind, ...patch } = input;
    await act(A.editHotspot, async () => {
      await call('PATCH', `/hall/hotspots/${old.id}`, patch);
      const { kind: _k, ...before } = hotspotBody(old);
      return async () => void (await call('PATCH', `/hall/hotspots/${undo.current('hotspot', old.id)}`, before));
    });
  };

  const deleteHotspot = (old: HotspotRow) =>
    act(A.deleteHotspot, async () => {
      await call('DELETE', `/hall/hotspots/${old.id}`);
      setSelected(null);
      return async () => {
        const made = await call<{ id: number }>('POST', `/hall/scenes/${undo.current('scene', old.sceneId)}/hotspots`, {
          ...hotspotBody(old),
          targetSceneId: old.targetSceneId == null ? null : undo.current('scene', old.targetSceneId),
        });
        undo.recreated('hotspot', old.id, made.id);
      };
    });

  const moveHotspot = async (id: number, at: { yaw: number; pitch: number }) => {
    const old = scene?.hotspots.find((x) => x.id === id);
    if (!old) return false;
    return act(A.moveHotspot, async () => {
      await call('PATCH', `/hall/hotspots/${old.id}`, { yaw: round(at.yaw), pitch: round(at.pitch) });
      return async () => void (await call('PATCH', `/hall/hotspots/${undo.current('hotspot', old.id)}`, { yaw: old.yaw, pitch: old.pitch }));
    });
  };

  /** A hotspot dragged in the view: the draft just moves; a saved one is selected and moved on the server. */
  const onDragHotspot = async (hotspot: Hotspot, at: { yaw: number; pitch: number }) => {
    if (mode.at === 'arrival') return false;
    if (hotspot.id === 'draft') {
      setMode({ at: 'draft', ...at });
      return true;
    }
    const id = Number(hotspot.id);
    setSelected(id);
    setMode({ at: 'view' });
    return moveHotspot(id, at);
  };

  /** The current view of the target scene becomes where the selected scene link arrives; null resets it. */
  const setArrival = (id: number, at: ViewDegrees | null) => {
    const old = scene?.hotspots.find((x) => x.id === id);
    if (!old) return;
    setMode({ at: 'view' });
    const next = { targetYaw: at && round(at.yaw), targetPitch: at && round(at.pitch), targetFov: at && clampFov(at.fov) };
    const before = { targetYaw: old.targetYaw, targetPitch: old.targetPitch, targetFov: old.targetFov };
    void act(A.arrivalView, async () => {
      await call('PATCH', `/hall/hotspots/${old.id}`, next);
      return async () => void (await call('PATCH', `/hall/hotspots/${undo.current('hotspot', old.id)}`, before));
    });
  };

  const onPlace = (at: { yaw: number; pitch: number }) => {
    if (!scene || mode.at === 'arrival') return;
    if (mode.at === 'add' || mode.at === 'draft') return setMode({ at: 'draft', ...at });
    if (mode.at === 'move') {
      setMode({ at: 'view' });
      void moveHotspot(mode.hotspotId, at);
      return;
    }
    // Looking around: a click on (or near) a hotspot selects it.
    const reach = Math.max(2, view.current.fov * 0.05) * DEG;
    const here = { yaw: at.yaw * DEG, pitch: at.pitch * DEG };
    const hit = scene.hotspots
      .map((x) => ({ x, d: angularDistance(here, { yaw: x.yaw * DEG, pitch: x.pitch * DEG }) }))
      .filter((c) => c.d < reach)
      .sort((a, b) => a.d - b.d)[0];
    setSelected(hit?.x.id ?? null);
    setErrors({});
  };

  // While an arrival view is picked, the stage shows the link's target scene, opened at the arrival view so far.
  const arrivalLink = mode.at === 'arrival' ? scene?.hotspots.find((x) => x.id === mode.hotspotId) : undefined;
  const stageScene = useMemo(() => {
    const target = arrivalLink && scenes.find((x) => x.id === arrivalLink.targetSceneId);
    if (!arrivalLink || !target) return scene;
    const { targetYaw: yaw, targetPitch: pitch, targetFov: fov } = arrivalLink;
    return yaw == null ? target : { ...target, initialView: { yaw, pitch: pitch ?? 0, fov: fov ?? target.initialView.fov } };
  }, [scene, scenes, arrivalLink]);

  const viewerHotspots = useMemo<Hotspot[]>(() => {
    const list: Hotspot[] = (stageScene?.hotspots ?? []).map((x) => ({ id: String(x.id), kind: x.kind, yaw: x.yaw, pitch: x.pitch, label: x.label }));
    if (mode.at === 'draft') list.push({ id: 'draft', kind: 'info', yaw: mode.yaw, pitch: mode.pitch, label: h.newHotspot });
    return list;
  }, [stageScene, mode, h.newHotspot]);

  const selectedHotspot = scene?.hotspots.find((x) => x.id === selected) ?? null;
  const hint = mode.at === 'add' ? h.addHint : mode.at === 'move' ? h.moveHint : mode.at === 'arrival' ? h.arrivalHint : null;

  async function runUndo() {
    setBusy(true);
    setErrors({});
    try {
      const step = await undo.undo();
      const list = await refresh();
      if (sceneId !== null && !list.some((x) => x.id === sceneId)) setSceneId(list[0]?.id ?? null);
      setSelected(null);
      setMode({ at: 'view' });
      setStatus(step ? `${h.undoOf(step.label)} · ${h.live}` : h.nothingToUndo);
    } catch (e) {
      setErrors({ form: e instanceof ApiError ? e.text(lang) : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="editor">
      <div className="side-left">
        <UploadPanel lang={lang} csrfToken={csrfToken} enterpriseId={enterpriseId} onCreateScene={createScene} />
        <section className="panel" aria-labelledby="scenes-h">
          <h2 id="scenes-h">{h.scenes}</h2>
          <SceneList
            lang={lang}
            scenes={scenes}
            selectedId={scene?.id ?? null}
            onSelect={(id) => {
              setSceneId(id);
              setSelected(null);
              setMode({ at: 'view' });
            }}
            onRename={(x, title, titleEn) => void patchScene(x, A.renameScene, { title, titleEn })}
            onReorder={(ids) => void reorder(ids)}
            onDelete={(x) => void deleteScene(x)}
          />
        </section>
        <section className="panel" aria-labelledby="tagline-h">
          <h2 id="tagline-h">{h.tagline}</h2>
          <EntityForm
            lang={lang}
            idPrefix="hall"
            fields={LISTING_FIELDS.hall}
            labels={{ tagline: h.tagline, taglineEn: h.taglineEn }}
            row={initial.hall}
            onSubmit={async (body) => void (await call('PATCH', '/hall', body))}
          />
        </section>
      </div>
      <div className="center">
        {stageScene ? (
          <EditorStage scene={stageScene} hotspots={viewerHotspots} locale={lang === 'en' ? 'en' : 'zh-CN'} hint={hint} view={goTo} onPlace={onPlace} onMoveHotspot={onDragHotspot} onViewChange={(v) => (view.current = v)} />
        ) : (
          <div className="editor-stage"><p className="empty">{h.noScenes}</p></div>
        )}
        {/* Below the stage: its buttons change their labels, and the stage must not move under the pointer. */}
        <div className="toolbar-row">
          {mode.at === 'arrival' ? (
            <>
              <button type="button" className="btn small" disabled={busy} onClick={() => setArrival(mode.hotspotId, view.current)}>
                {h.useArrival}
              </button>
              <button type="button" className="btn small secondary" onClick={() => setMode({ at: 'view' })}>
                {s.common.cancel}
              </button>
            </>
          ) : (
            <>
              <span className="seg" role="group" aria-label={h.hotspots}>
                <button type="button" aria-pressed={mode.at === 'view'} onClick={() => setMode({ at: 'view' })}>{h.modeView}</button>
                <button type="button" aria-pressed={mode.at === 'add' || mode.at === 'draft'} disabled={!scene} onClick={() => { setSelected(null); setMode({ at: 'add' }); }}>
                  {h.modeAdd}
                </button>
              </span>
              {mode.at === 'add' && (
                <button type="button" className="btn small" onClick={() => setMode({ at: 'draft', yaw: view.current.yaw, pitch: view.current.pitch })}>
                  {h.placeAtCentre}
                </button>
              )}
              <button type="button" className="btn small secondary" disabled={!scene || busy} onClick={() => scene && void patchScene(scene, A.startView, { initialYaw: round(view.current.yaw), initialPitch: round(view.current.pitch), initialFov: clampFov(view.current.fov) })}>
                {h.setStart}
              </button>
              <button type="button" className="btn small secondary" disabled={!undo.last || busy} onClick={() => void runUndo()} title={undo.last ? h.undoOf(undo.last.label) : h.nothingToUndo}>
                ↶ {undo.last ? h.undoOf(undo.last.label) : h.undo}
              </button>
              {previewUrl && <a className="btn small" href={previewUrl} target="_blank" rel="noopener">{h.preview}</a>}
            </>
          )}
        </div>
        <p className="status-line" role="status" aria-live="polite" data-testid="editor-status">{status}</p>
        {errors.form && <p className="alert error" role="alert">{errors.form}</p>}
      </div>
      <aside className="side-right">
        <section className="panel" aria-labelledby="hotspots-h">
          <h2 id="hotspots-h">{h.hotspots}{scene ? ` · ${scene.title}` : ''}</h2>
          {scene && scene.hotspots.length === 0 && <p className="muted-s">{h.noHotspots}</p>}
          <ul className="hotspot-items">
            {scene?.hotspots.map((x) => (
              <li key={x.id}>
                <button type="button" aria-pressed={x.id === selected} onClick={() => { setSelected(x.id); setMode({ at: 'view' }); setErrors({}); setGoTo({ yaw: x.yaw, pitch: x.pitch }); }}>
                  <span className="pill">{h.kinds[x.kind]}</span> {x.label}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted-s">{h.selectHint}</p>
          {scene && mode.at === 'draft' && (
            <HotspotPanel lang={lang} hotspot={null} scenes={scenes} currentSceneId={scene.id} targets={targets} errors={errors} busy={busy} onSave={(i) => void saveHotspot(i)} onCancel={() => setMode({ at: 'view' })} />
          )}
          {scene && selectedHotspot && mode.at !== 'draft' && mode.at !== 'arrival' && (
            <HotspotPanel
              key={selectedHotspot.id}
              lang={lang}
              hotspot={selectedHotspot}
              scenes={scenes}
              currentSceneId={scene.id}
              targets={targets}
              errors={errors}
              busy={busy}
              onSave={(i) => void saveHotspot(i)}
              onMove={() => setMode({ at: 'move', hotspotId: selectedHotspot.id })}
              onMoveToCentre={() => void moveHotspot(selectedHotspot.id, view.current)}
              onPickArrival={() => {
                setMode({ at: 'arrival', hotspotId: selectedHotspot.id });
                // The panel with this button goes away: bring the stage into view, ready for the arrow keys.
                document.querySelector<HTMLElement>('[data-testid=editor-stage] [role=application]')?.focus({ preventScroll: true });
                document.querySelector('[data-testid=editor-stage]')?.scrollIntoView({ block: 'center' });
              }}
              onClearArrival={() => setArrival(selectedHotspot.id, null)}
              onDelete={() => confirm(s.common.confirmDelete(selectedHotspot.label)) && void deleteHotspot(selectedHotspot)}
              onCancel={() => setSelected(null)}
            />
          )}
        </section>
      </aside>
    </div>
  );
}
