import { describe, expect, it } from 'vitest';
import { adminRoute, bodyAccepted, isAllowed } from '#domain/auth.ts';

describe('the route × role table: decisions (issue #16)', () => {
  it('lets staff see decisions and editors change them, like every record kind', () => {
    expect(adminRoute('GET', '/admin/decisions/')?.action).toBe('decisions.list');
    expect(adminRoute('POST', '/admin/decisions/new/')?.roles).toEqual(['editor', 'admin']);
    expect(adminRoute('POST', '/admin/decisions/12/history/')?.action).toBe('decisions.restore');
  });
  it('lets editors and admins upload a document, only as multipart', () => {
    const upload = adminRoute('POST', '/admin/decisions/12/document/')!;
    expect(upload.action).toBe('decisions.document');
    expect(isAllowed(upload, 'viewer')).toBe(false);
    expect(isAllowed(upload, 'editor')).toBe(true);
    expect(bodyAccepted(upload, 'application/x-www-form-urlencoded')).toBe(false);
    expect(bodyAccepted(upload, 'multipart/form-data; boundary=x')).toBe(true);
  });
  it('lets every staff role download a document, and nobody signed out', () => {
    const download = adminRoute('GET', '/admin/decisions/12/document.pdf')!;
    expect(download.action).toBe('decisions.documentDownload');
    expect(isAllowed(download, 'viewer')).toBe(true);
    expect(isAllowed(download, 'anonymous')).toBe(false);
  });
  it('knows no other document path', () => {
    expect(adminRoute('GET', '/admin/decisions/12/document/')).toBeNull();
    expect(adminRoute('GET', '/admin/decisions/x/document.pdf')).toBeNull();
    expect(adminRoute('POST', '/admin/decisions/12/document.pdf')).toBeNull();
    expect(adminRoute('GET', '/admin/decisions/12/document.pdf/..')).toBeNull();
  });
});
