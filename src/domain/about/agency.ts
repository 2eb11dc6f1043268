/**
 * Who runs the registry, as the deployment configures it (config/agency.json, or the file REGISTRY_AGENCY_FILE
 * names; see config/agency.example.json and decision 026). Pure: the file is read by src/server/agency-config.ts.
 */

export interface Agency {
  name: { vi: string; en: string };
  address: { vi: string; en: string } | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** The logo as a data: URI made at build time from the configured file, or null. */
  logo: string | null;
}

export type AgencyParse = { ok: true; agency: Omit<Agency, 'logo'>; logoFile: string | null } | { ok: false; problems: string[] };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[0-9 ().-]{6,24}$/;
const MAX_TEXT = 300;

/** A text field: a string, or { vi, en } with at least vi; an English gap falls back to the Vietnamese. */
function bilingual(value: unknown, field: string, problems: string[]): { vi: string; en: string } | null {
  if (value === undefined || value === null || value === '') return null;
  const pair = typeof value === 'string' ? { vi: value, en: value } : (value as Record<string, unknown>);
  const vi = typeof pair['vi'] === 'string' ? pair['vi'].trim() : '';
  const en = typeof pair['en'] === 'string' && pair['en'].trim() !== '' ? pair['en'].trim() : vi;
  if (vi === '' || vi.length > MAX_TEXT || en.length > MAX_TEXT) {
    problems.push(`${field}: a text (or { "vi": …, "en": … }) of 1–${MAX_TEXT} characters`);
    return null;
  }
  return { vi: vi.normalize('NFC'), en: en.normalize('NFC') };
}

function optional(value: unknown, field: string, test: (v: string) => boolean, shape: string, problems: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !test(value.trim())) {
    problems.push(`${field}: ${shape}`);
    return null;
  }
  return value.trim();
}

const isHttpsUrl = (v: string) => {
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
};

const KNOWN = new Set(['name', 'address', 'email', 'phone', 'website', 'logo']);

/**
 * Checks the agency configuration; every problem is reported, by field, so an operator fixes them at once.
 * parseAgency({ name: 'Trung tâm Khuyến công', email: 'a@b.vn' }) → { ok: true, agency: {…}, logoFile: null }.
 */
export function parseAgency(input: unknown): AgencyParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: ['the file must hold one JSON object'] };
  const raw = input as Record<string, unknown>;
  const problems = Object.keys(raw)
    .filter((k) => !KNOWN.has(k))
    .map((k) => `${k}: unknown field (known: ${[...KNOWN].join(', ')})`);
  const name = bilingual(raw['name'], 'name', problems);
  if (!name && !problems.some((p) => p.startsWith('name:'))) problems.push('name: required');
  const agency = {
    name: name ?? { vi: '', en: '' },
    address: bilingual(raw['address'], 'address', problems),
    email: optional(raw['email'], 'email', (v) => EMAIL.test(v), 'an e-mail address', problems),
    phone: optional(raw['phone'], 'phone', (v) => PHONE.test(v), 'digits, spaces, +, ( ) . -', problems),
    website: optional(raw['website'], 'website', isHttpsUrl, 'an https:// address', problems),
  };
  const logoFile = optional(
    raw['logo'],
    'logo',
    (v) => /\.(svg|png|webp|jpe?g)$/i.test(v),
    'a .svg, .png, .webp or .jpg file beside the configuration',
    problems,
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, agency, logoFile };
}

const LOGO_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
export const MAX_LOGO_BYTES = 200 * 1024;

/** The logo file's bytes as a data: URI (shown in an <img>, where an SVG's scripts never run); null past the size limit. */
export function logoDataUri(fileName: string, bytes: Uint8Array): string | null {
  const type = LOGO_TYPES[fileName.split('.').pop()!.toLowerCase()];
  if (!type || bytes.byteLength === 0 || bytes.byteLength > MAX_LOGO_BYTES) return null;
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}
