/**
 * The floor plan page's work (#20.2): its data for the editor and the number form, and a save posted by
 * either (the island asks for JSON, the form for the page again). A stale booth version saves nothing (409).
 */
import { writeTransaction, type Database } from '#db/client.ts';
import { getEditablePlan, saveBoothPositions, type EditablePlan } from '#db/queries/admin/floor-plan.ts';
import type { Actor } from '#db/audit.ts';
import { readBoothPositions } from '#domain/floor-plan.ts';

export { getEditablePlan, type EditablePlan };

export type PlanPostAnswer =
  | { status: 200; message: string; plan: EditablePlan }
  | { status: 400 | 404; errors: string[] }
  | {
      status: 409;
      conflicts: { id: number; mine: { x: number; y: number; w: number; h: number }; theirs: { rect: unknown; version: number } }[];
    };

/** Reads and saves a posted plan; the answer says what to show (or send as JSON). */
export async function savePostedPlan(database: Database, fairId: number, form: FormData | null, actor: Actor): Promise<PlanPostAnswer> {
  const plan = await getEditablePlan(database.db, fairId);
  if (!plan) return { status: 404, errors: ['Không có hội chợ này.'] };
  if (plan.fair.width === null || plan.fair.height === null)
    return { status: 400, errors: ['Hội chợ chưa có kích thước sơ đồ: nhập chiều rộng và chiều cao ở trang hội chợ trước.'] };
  if (!form) return { status: 400, errors: ['Không đọc được biểu mẫu đã gửi; hãy thử lại.'] };
  const read = readBoothPositions(form, { width: plan.fair.width, height: plan.fair.height });
  if (!read.ok) return { status: 400, errors: read.errors };
  const result = await writeTransaction(database, (tx) => saveBoothPositions(tx, fairId, read.positions, actor));
  if (result.ok) return { status: 200, message: `Đã lưu ${result.saved} gian hàng.`, plan: (await getEditablePlan(database.db, fairId))! };
  if (result.reason === 'not-found') return { status: 400, errors: [`Gian hàng #${result.ids.join(', #')} không thuộc hội chợ này.`] };
  return {
    status: 409,
    conflicts: result.conflicts.map((c) => ({
      id: c.id,
      mine: { x: c.mine.x, y: c.mine.y, w: c.mine.w, h: c.mine.h },
      theirs: { rect: c.theirs.rect, version: c.theirs.version },
    })),
  };
}

/** The JSON the island reads: the booths' saved rectangles and versions, or the problems. */
export function planAnswerJson(answer: PlanPostAnswer): Response {
  const body =
    answer.status === 200
      ? { booths: answer.plan.booths.map((b) => ({ id: b.id, rect: b.rect, version: b.version })), message: answer.message }
      : answer;
  return new Response(JSON.stringify(body), { status: answer.status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

/** Whether a request wants JSON (the island) rather than a page (the form). */
export const wantsJson = (request: Request) => (request.headers.get('accept') ?? '').includes('application/json');
