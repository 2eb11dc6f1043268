/**
 * A searching picker (#20.1): an ARIA 1.2 combobox with a list popup over /admin/pick/<kind>/.
 * Rendered on the server as a plain text input named after the field, which the server resolves by key or
 * name (src/server/picker-data.ts), so the form works without JavaScript; once hydrated, the typed text
 * searches without marks, results page in, and a hidden input posts the chosen id (or the typed text when
 * nothing was chosen, which the server then resolves the same way).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PickerItem, PickerKind, PickerPage } from '#domain/admin/picker.ts';
import './picker.css';

interface Props {
  kind: PickerKind;
  name: string;
  inputId: string;
  /** The posted value: an id, or text typed into the plain input. */
  value: string;
  chosen: PickerItem | null;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  /** Where "add a new one" leads when nothing matches (the create form, returning here); none for kinds that cannot be added inline. */
  createHref?: string | undefined;
  createLabel?: string | undefined;
  /** What the list holds, for screen readers ("cơ sở"). */
  noun: string;
}

type Option = { type: 'item'; item: PickerItem } | { type: 'more'; left: number } | { type: 'create' };

const DEBOUNCE_MS = 150;

export default function Picker({
  kind,
  name,
  inputId,
  value,
  chosen,
  required,
  invalid,
  describedBy,
  createHref,
  createLabel,
  noun,
}: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [text, setText] = useState(chosen ? chosen.key : value);
  const [picked, setPicked] = useState<PickerItem | null>(chosen);
  const [items, setItems] = useState<PickerItem[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = `${useId()}-list`;

  useEffect(() => {
    // The plain input showed the key the server resolves; with scripts it shows the name.
    setHydrated(true);
    if (chosen) setText(chosen.label);
  }, [chosen]);

  const options: Option[] = [
    ...items.map((item) => ({ type: 'item' as const, item })),
    ...(items.length < total ? [{ type: 'more' as const, left: total - items.length }] : []),
    ...(createHref && items.length === 0 && text.trim() !== '' ? [{ type: 'create' as const }] : []),
  ];

  async function load(q: string, wanted: number) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    try {
      const response = await fetch(`/admin/pick/${kind}/?${new URLSearchParams({ q, page: String(wanted) })}`, {
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      const body = (await response.json()) as PickerPage | { message: { vi: string } };
      if (!response.ok || !('items' in body)) {
        setStatus('message' in body ? body.message.vi : 'Không tải được danh sách; hãy thử lại.');
        return;
      }
      setItems((before) => (wanted === 1 ? body.items : [...before, ...body.items]));
      setTotal(body.total);
      setPage(wanted);
      setOpen(true);
      if (wanted === 1) setActive(-1);
      setStatus(body.total === 0 ? 'Không có kết quả.' : `${body.total} kết quả. Dùng mũi tên lên, xuống để chọn.`);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setStatus('Không tải được danh sách; hãy kiểm tra kết nối rồi thử lại.');
    }
  }

  function onType(next: string) {
    setText(next);
    setPicked(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(next, 1), DEBOUNCE_MS);
  }

  function choose(option: Option | undefined) {
    if (!option) return;
    if (option.type === 'more') {
      void load(text, page + 1);
      return;
    }
    if (option.type === 'create') {
      window.location.assign(`${createHref}&name=${encodeURIComponent(text.trim())}`);
      return;
    }
    setPicked(option.item);
    setText(option.item.label);
    setOpen(false);
    setActive(-1);
    setStatus(`Đã chọn ${option.item.label}.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) void load(text, 1);
      else setActive(active >= last ? 0 : active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) setActive(active <= 0 ? last : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else onType('');
    } else if (event.key === 'Tab') setOpen(false);
  }

  const optionId = (i: number) => `${listId}-${i}`;
  const expanded = hydrated && open && options.length > 0;
  return (
    <div className="picker">
      <input
        id={inputId}
        name={hydrated ? undefined : name}
        type="text"
        role={hydrated ? 'combobox' : undefined}
        aria-autocomplete={hydrated ? 'list' : undefined}
        aria-expanded={hydrated ? expanded : undefined}
        aria-controls={hydrated ? listId : undefined}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={[describedBy, picked ? `${inputId}-chosen` : ''].filter(Boolean).join(' ') || undefined}
        autoComplete="off"
        required={required}
        maxLength={80}
        value={text}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {hydrated && <input type="hidden" name={name} value={picked ? String(picked.id) : text.trim()} />}
      {hydrated && (
        <ul id={listId} role="listbox" aria-label={`Kết quả tìm ${noun}`} hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={option.type === 'item' ? option.item.id : option.type}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`picker-option picker-${option.type}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(option)}
            >
              {option.type === 'item' ? (
                <>
                  <span className="picker-label">{option.item.label}</span>
                  {option.item.detail && <span className="picker-detail">{option.item.detail}</span>}
                </>
              ) : option.type === 'more' ? (
                `Xem thêm (${option.left} kết quả nữa)`
              ) : (
                `${createLabel ?? 'Thêm mới'} “${text.trim()}”`
              )}
            </li>
          ))}
        </ul>
      )}
      <span className="picker-chosen" id={`${inputId}-chosen`}>
        {picked ? `Đang chọn: ${picked.label}${picked.detail ? ` · ${picked.detail}` : ''}` : ''}
      </span>
      {hydrated && (
        <span className="visually-hidden" role="status" aria-live="polite">
          {status}
        </span>
      )}
    </div>
  );
}
