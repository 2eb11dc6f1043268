import { describe, expect, it } from 'vitest';
import { establishmentKey, inferLegalForm } from '#domain/establishments.ts';

describe('inferLegalForm', () => {
  it.each([
    ['HTX chè Hảo Đạt', 'cooperative'],
    ['Hợp tác xã Hồng Luân', 'cooperative'],
    ['Hien Phuoc Chu Rice Noodle Cooperative', 'cooperative'],
    ['Tổ hợp tác mây tre đan Phú Vinh', 'cooperative_group'],
    ['Hộ kinh doanh Nguyễn Đình Giáp', 'household'],
    ['Công ty Cổ phần Chè Thái Bình', 'enterprise'],
    ['Công ty TNHH MTV sản xuất cơ khí Thu Giang', 'enterprise'],
    ['Xí nghiệp Chè Tây Sơn', 'enterprise'],
    ['Neo Eyewear Vina Company Limited', 'enterprise'],
    ['Cơ sở sản xuất bún ngô Thuận Anh', 'other'],
    ['', 'other'],
  ])('reads %j as %s', (name, form) => {
    expect(inferLegalForm(name)).toBe(form);
  });
});

describe('establishmentKey', () => {
  it('gives two spellings of one company the same key', () => {
    expect(establishmentKey('Công ty Cổ phần Macca & Sachi Lạng Sơn', ['Lạng Sơn'])).toBe(
      establishmentKey('Công ty Cổ phần Mac ca & Sa chi Lạng Sơn', ['Lạng Sơn']),
    );
  });

  it('drops a trailing province name', () => {
    expect(establishmentKey('Công ty Cổ phần Chè Thái Bình Lạng Sơn', ['Lạng Sơn'])).toBe(
      establishmentKey('Công ty Cổ phần Chè Thái Bình', ['Lạng Sơn']),
    );
  });

  it('brings long and short legal words together', () => {
    expect(establishmentKey('Công ty CP Dược Hà Tĩnh')).toBe(establishmentKey('Công ty Cổ phần Dược Hà Tĩnh'));
    expect(establishmentKey('HTX chè Tuyết Hương')).toBe(establishmentKey('Hợp tác xã chè Tuyết Hương'));
  });

  it('keeps different establishments apart', () => {
    expect(establishmentKey('HTX chè Hảo Đạt')).not.toBe(establishmentKey('HTX chè Tuyết Hương'));
  });

  it('does not strip a province name that is the whole remaining name', () => {
    expect(establishmentKey('HTX Lạng Sơn', ['Lạng Sơn'])).toBe('htxlangson');
  });
});
