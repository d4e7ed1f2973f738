import { expect, test } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

test('sign-in only returns to paths on this site', () => {
  expect(safeRedirectPath('/imports?status=failed')).toBe('/imports?status=failed');
  expect(safeRedirectPath('//evil.example/x')).toBe('/connections');
  expect(safeRedirectPath('https://evil.example')).toBe('/connections');
  expect(safeRedirectPath('/\\evil.example')).toBe('/connections');
  expect(safeRedirectPath(null)).toBe('/connections');
});
