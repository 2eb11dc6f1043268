import { describe, expect, it } from 'vitest';
import { inferFairLevel, parseBoothCount } from '../../src/domain/fairs.ts';

describe('inferFairLevel', () => {
  it.each([
    ['Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2024', { level: 'regional', region: 'north' }],
    ['Hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu cấp khu vực (phía Nam) năm 2024', { level: 'regional', region: 'south' }],
    ['Triển lãm hội chợ … (kèm Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia 2019)', { level: 'national', region: null }],
    ['Hội chợ cấp vùng thuộc Chương trình khuyến công quốc gia tại Hải Phòng năm 2013', { level: 'regional', region: null }],
    ['Hội chợ công nghiệp nông thôn – thương mại tại Tiền Giang năm 2014', null],
  ])('reads %j', (name, expected) => {
    expect(inferFairLevel(name)).toEqual(expected);
  });
});

describe('parseBoothCount', () => {
  it.each([
    ['270', { count: 270, isMinimum: false }],
    ['500+', { count: 500, isMinimum: true }],
    ['trên 1.000', { count: 1000, isMinimum: true }],
    ['', null],
  ])('reads %j', (text, expected) => {
    expect(parseBoothCount(text)).toEqual(expected);
  });
});
