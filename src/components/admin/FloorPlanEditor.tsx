/**
 * The floor plan editor (#20.2), a React island on /admin/fairs/<id>/plan/: drag a booth (it snaps to the
 * grid), or focus it and move it with the arrow keys (shift for larger steps); undo; save the moved booths
 * under their versions. A 409 shows the saved version beside this one. The picture is FloorPlanSvg, the
 * public page's own drawing. Without JavaScript the page's number form does the same work.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import FloorPlanSvg, { boothLabel } from '#components/FloorPlanSvg.tsx';
import { isArrowKey, nudgeBooth, PLAN_GRID, placeBooth, type PlanBoothShape, type PlanRect } from '#domain/floor-plan.ts';

export interface EditorBooth {
  id: number;
  booth: string;
  hall: string | null;
  name: string;
  rect: PlanRect | null;
  version: number;
}

interface Props {
  saveUrl: string;
  width: number;
  height: number;
  booths: EditorBooth[];
  canEdit: boolean;
}

type Positions = Record<number, PlanRect | null>;
interface Conflict {
  id: number;
  mine: PlanRect;
  theirs: { rect: PlanRect | null; version: number };
}

const LABELS = { plan: 'Sơ đồ gian hàng', booth: 'Gian', hall: 'Khu' };
/** Where a booth not yet on the plan is put when staff place it: the top-left corner, one default size. */
const NEW_BOOTH: PlanRect = { x: 0, y: 0, w: PLAN_GRID * 6, h: PLAN_GRID * 4 };
const rectText = (r: PlanRect | null) => (r ? `x ${r.x}, y ${r.y}, rộng ${r.w}, cao ${r.h}` : 'chưa đặt');
const sameRect = (a: PlanRect | null, b: PlanRect | null) =>
  a === null || b === null ? a === b : a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export default function FloorPlanEditor({ saveUrl, width, height, booths: initial, canEdit }: Props) {
  const plan = { width, height };
  const [saved, setSaved] = useState<Record<number, { rect: PlanRect | null; version: number }>>(() =>
    Object.fromEntries(initial.map((b) => [b.id, { rect: b.rect, version: b.version }])),
  );
  const [positions, setPositions] = useState<Positions>(() => Object.fromEntries(initial.map((b) => [b.id, b.rect])));
  const [history, setHistory] = useState<Positions[]>([]);
  const [announce, setAnnounce] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ id: number; start: { x: number; y: number }; origin: PlanRect; last: PlanRect; before: Positions } | null>(null);

  const named = new Map(initial.map((b) => [b.id, b]));
  const shapes: PlanBoothShape[] = initial.flatMap((b) => {
    const r = positions[b.id];
    return r ? [{ id: b.id, booth: b.booth, hall: b.hall, name: b.name, ...r }] : [];
  });
  const unplaced = initial.filter((b) => !positions[b.id]);
  const dirty = initial.filter((b) => !sameRect(positions[b.id] ?? null, saved[b.id]?.rect ?? null));

  const say = (id: number, r: PlanRect | null) => setAnnounce(`${LABELS.booth} ${named.get(id)?.booth ?? id}: ${rectText(r)}.`);
  const change = (id: number, r: PlanRect, before: Positions = positions) => {
    setHistory((h) => [...h.slice(-99), before]);
    setPositions({ ...before, [id]: r });
    say(id, r);
  };
  const undo = () => {
    const last = history.at(-1);
    if (!last) return;
    setHistory(history.slice(0, -1));
    setPositions(last);
    setAnnounce('Đã hoàn tác một bước.');
  };

  /** A pointer's place in plan units. */
  const planPoint = (event: PointerEvent<SVGGElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return null;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  };

  const boothProps = (b: PlanBoothShape) => ({
    tabIndex: canEdit ? 0 : -1,
    role: 'button',
    'aria-roledescription': 'gian hàng di chuyển được',
    'aria-label': `${boothLabel(b, LABELS.booth)}; ${rectText(b)}`,
    'aria-describedby': 'plan-editor-help',
    className: dirty.some((d) => d.id === b.id) ? 'moved' : undefined,
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
      if (!canEdit) return;
      if (isArrowKey(event.key)) {
        event.preventDefault();
        const r = positions[b.id];
        if (r) change(b.id, nudgeBooth(r, event.key, event.shiftKey, plan));
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        undo();
      }
    },
    onPointerDown: (event: PointerEvent<SVGGElement>) => {
      const start = planPoint(event);
      const r = positions[b.id];
      if (!canEdit || !start || !r || event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      event.currentTarget.focus();
      drag.current = { id: b.id, start, origin: r, last: r, before: positions };
    },
    onPointerMove: (event: PointerEvent<SVGGElement>) => {
      const d = drag.current;
      const p = d && d.id === b.id ? planPoint(event) : null;
      if (!d || !p) return;
      const next = placeBooth(d.origin, d.origin.x + p.x - d.start.x, d.origin.y + p.y - d.start.y, plan);
      d.last = next;
      setPositions((current) => ({ ...current, [b.id]: next }));
    },
    onPointerUp: () => {
      const d = drag.current;
      drag.current = null;
      if (!d || sameRect(d.last, d.origin)) return;
      setHistory((h) => [...h.slice(-99), d.before]);
      say(d.id, d.last);
    },
  });

  const save = async () => {
    setBusy(true);
    setProblem(null);
    const body = new URLSearchParams();
    for (const b of dirty) {
      const r = positions[b.id];
      if (!r) continue;
      body.append('booth', String(b.id));
      for (const [key, value] of Object.entries({ x: r.x, y: r.y, w: r.w, h: r.h, version: saved[b.id]!.version }))
        body.append(`${key}-${b.id}`, String(value));
    }
    try {
      const response = await fetch(saveUrl, { method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      const answer = (await response.json()) as {
        booths?: { id: number; rect: PlanRect | null; version: number }[];
        conflicts?: Conflict[];
        errors?: string[];
      };
      if (response.ok && answer.booths) {
        setSaved(Object.fromEntries(answer.booths.map((b) => [b.id, { rect: b.rect, version: b.version }])));
        setConflicts(null);
        setAnnounce(`Đã lưu ${dirty.length} gian hàng. Trang công khai cập nhật sau lần xuất bản tới.`);
      } else if (response.status === 409 && answer.conflicts) {
        setConflicts(answer.conflicts);
        setProblem('Người khác đã lưu một số gian hàng sau khi bạn mở sơ đồ. Chưa có gì được lưu; hãy xem hai phiên bản bên dưới.');
      } else setProblem(answer.errors?.join(' ') ?? `Không lưu được (mã ${response.status}).`);
    } catch {
      setProblem('Không gửi được tới máy chủ; kiểm tra kết nối rồi thử lại.');
    } finally {
      setBusy(false);
    }
  };

  /** After a conflict: take the saved versions, keeping (true) or dropping (false) this editor's positions. */
  const resolve = (keepMine: boolean) => {
    if (!conflicts) return;
    setSaved((s) => ({ ...s, ...Object.fromEntries(conflicts.map((c) => [c.id, c.theirs])) }));
    if (!keepMine) setPositions((p) => ({ ...p, ...Object.fromEntries(conflicts.map((c) => [c.id, c.theirs.rect])) }));
    setConflicts(null);
    setProblem(null);
    setAnnounce(keepMine ? 'Vị trí của bạn được giữ; bấm Lưu để ghi đè.' : 'Đã lấy vị trí đã lưu.');
  };

  return (
    <div className="plan-editor">
      <p id="plan-editor-help" className="meta">
        Kéo một gian hàng để chuyển nó (bám theo lưới {PLAN_GRID} đơn vị), hoặc chọn gian bằng phím Tab rồi dùng phím mũi tên; giữ Shift để
        đi xa hơn. Ctrl+Z để hoàn tác.
      </p>
      <div className="plan-toolbar">
        <button type="button" className="button" onClick={undo} disabled={!canEdit || history.length === 0}>
          Hoàn tác
        </button>
        <button type="button" className="button" onClick={() => void save()} disabled={!canEdit || busy || dirty.length === 0}>
          {busy ? 'Đang lưu…' : `Lưu vị trí (${dirty.length})`}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
      {conflicts && (
        <div className="table-scroll">
          <table className="admin-table">
            <caption>Hai phiên bản</caption>
            <thead>
              <tr>
                <th scope="col">Gian</th>
                <th scope="col">Vị trí của bạn</th>
                <th scope="col">Vị trí đã lưu</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={c.id}>
                  <td>{named.get(c.id)?.booth ?? c.id}</td>
                  <td>{rectText(c.mine)}</td>
                  <td>{rectText(c.theirs.rect)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="plan-toolbar">
            <button type="button" className="button" onClick={() => resolve(false)}>
              Dùng vị trí đã lưu
            </button>
            <button type="button" className="button" onClick={() => resolve(true)}>
              Giữ vị trí của tôi
            </button>
          </p>
        </div>
      )}
      <div className="plan-scroll">
        <FloorPlanSvg width={width} height={height} booths={shapes} labels={LABELS} boothProps={boothProps} />
      </div>
      {canEdit && unplaced.length > 0 && (
        <>
          <h2>Chưa có trên sơ đồ</h2>
          <ul className="plan-unplaced">
            {unplaced.map((b) => (
              <li key={b.id}>
                {b.booth} · {b.name}{' '}
                <button type="button" className="button" onClick={() => change(b.id, placeBooth(NEW_BOOTH, 0, 0, plan))}>
                  Đặt {b.booth} lên sơ đồ
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
