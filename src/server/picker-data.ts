/**
 * The staff forms' pickers on the server (#20.1): the names of the records a form holds (so a form never
 * loads a whole list), and what a posted picker field carries (an id from the island, or the name or key
 * typed into the plain input without JavaScript) turned into an id, with a clear message when it cannot be.
 */
import { pickedItems, resolvePicked } from '#db/queries/admin/picker.ts';
import type { DbOrTx } from '#db/client.ts';
import type { FieldSpec, FormErrors } from '#domain/admin/form.ts';
import { ambiguousPickedMessage, unknownPickedMessage, type PickerItem } from '#domain/admin/picker.ts';

/** The chosen record of each picker field, by field name (null when empty or unknown). */
export async function pickerSelections(
  db: DbOrTx,
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
): Promise<Record<string, PickerItem | null>> {
  const chosen: Record<string, PickerItem | null> = {};
  for (const f of fields) {
    if (!f.picker) continue;
    const raw = values[f.name];
    const id = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
    chosen[f.name] = id === null ? null : ((await pickedItems(db, f.picker, [id])).get(id) ?? null);
  }
  return chosen;
}

/**
 * The posted form with each picker field's text replaced by the id it names, and a message for each
 * that names none or several. Empty fields are left for the form's schema to judge.
 */
export async function resolvePickerFields(
  db: DbOrTx,
  fields: readonly FieldSpec[],
  form: FormData,
): Promise<{ form: FormData; errors: FormErrors }> {
  const resolved = new FormData();
  for (const [key, value] of form.entries()) resolved.append(key, value);
  const errors: FormErrors = {};
  for (const f of fields) {
    const raw = form.get(f.name);
    if (!f.picker || typeof raw !== 'string' || raw.trim() === '' || form.getAll(f.name).length > 1) continue;
    const found = await resolvePicked(db, f.picker, raw);
    if (found.ok) resolved.set(f.name, String(found.id));
    else
      errors[f.name] =
        found.problem === 'ambiguous' ? ambiguousPickedMessage(f.picker, raw, found.candidates) : unknownPickedMessage(f.picker, raw);
  }
  return { form: resolved, errors };
}
