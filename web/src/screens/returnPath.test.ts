import { describe, expect, it } from 'vitest';
import { returnPath } from './returnPath';

describe('returnPath', () => {
  it('goes back to the page the user was sent away from', () => {
    expect(returnPath({ from: '/w/acme?tab=1#x' })).toBe('/w/acme?tab=1#x');
  });
  it('never leaves the app, nor loops to login or setup', () => {
    expect(returnPath({ from: '//evil.example/' })).toBe('/');
    expect(returnPath({ from: 'https://evil.example/' })).toBe('/');
    expect(returnPath({ from: '/login' })).toBe('/');
    expect(returnPath(null)).toBe('/');
    expect(returnPath({ from: 42 })).toBe('/');
  });
});
