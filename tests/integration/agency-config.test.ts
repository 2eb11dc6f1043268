import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAgency } from '#server/agency-config.ts';
import { TMP } from '../support/paths.ts';

const dir = mkdtempSync(join(TMP, 'agency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe('readAgency', () => {
  it('says "not configured" (null) when there is no file', () => {
    expect(readAgency(join(dir, 'absent.json'))).toBeNull();
  });

  it('reads the configuration and embeds the logo found beside it', () => {
    write('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const agency = readAgency(write('agency.json', JSON.stringify({ name: 'Trung tâm Khuyến công', logo: 'logo.svg' })));
    expect(agency?.name.vi).toBe('Trung tâm Khuyến công');
    expect(agency?.logo).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('fails with the file and each problem named, rather than publish a half-right agency', () => {
    expect(() => readAgency(write('bad.json', '{ "name": '))).toThrow(/bad\.json: not valid JSON/);
    expect(() => readAgency(write('wrong.json', JSON.stringify({ email: 'x' })))).toThrow(/wrong\.json:\n {2}name: required\n {2}email/);
    expect(() => readAgency(write('nologo.json', JSON.stringify({ name: 'A', logo: 'missing.png' })))).toThrow(
      /logo: .*missing\.png does not exist/,
    );
  });
});
