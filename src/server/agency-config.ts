/**
 * Reads the owning agency's configuration at build time (decision 026): REGISTRY_AGENCY_FILE, else
 * config/agency.json under the project. No file means "not configured" (the About page says so); a file
 * with mistakes fails the build with one line per problem, rather than publish a half-right agency.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { logoDataUri, MAX_LOGO_BYTES, parseAgency, type Agency } from '#domain/about/agency.ts';
import { ROOT } from './build.ts';

/** The configuration file in use: REGISTRY_AGENCY_FILE (relative to the project) or config/agency.json. */
export function agencyConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const named = env['REGISTRY_AGENCY_FILE'];
  if (named) return isAbsolute(named) ? named : resolve(ROOT, named);
  return join(ROOT, 'config', 'agency.json');
}

/** The configured agency, or null when none is configured. Throws, naming the file, when the file is wrong. */
export function readAgency(path = agencyConfigPath()): Agency | null {
  if (!existsSync(path)) {
    if (process.env['REGISTRY_AGENCY_FILE']) throw new Error(`${path}: REGISTRY_AGENCY_FILE names a file that does not exist`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const parsed = parseAgency(json);
  if (!parsed.ok) throw new Error(`${path}:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}`);
  let logo: string | null = null;
  if (parsed.logoFile) {
    const file = resolve(dirname(path), parsed.logoFile);
    if (!existsSync(file)) throw new Error(`${path}: logo: ${file} does not exist`);
    logo = logoDataUri(file, readFileSync(file));
    if (!logo) throw new Error(`${path}: logo: ${file} is empty or larger than ${MAX_LOGO_BYTES / 1024} KB`);
  }
  return { ...parsed.agency, logo };
}
