import { describe, expect, it } from 'vitest';
import { characterCount, checkPassword, checkSetupForm, looksLikeEmail } from './validation';

describe('checkPassword', () => {
  it('wants 12 to 256 characters', () => {
    expect(checkPassword('a'.repeat(11))).toBe('too_short');
    expect(checkPassword('a'.repeat(12))).toBeNull();
    expect(checkPassword('a'.repeat(256))).toBeNull();
    expect(checkPassword('a'.repeat(257))).toBe('too_long');
  });
  it('counts characters as a person does', () => {
    expect(characterCount('é😀')).toBe(2);
    expect(checkPassword('😀'.repeat(12))).toBeNull();
  });
});

describe('looksLikeEmail', () => {
  it('accepts plain addresses and rejects obvious mistakes', () => {
    expect(looksLikeEmail('chloe@example.com')).toBe(true);
    expect(looksLikeEmail('  admin@localhost ')).toBe(true);
    expect(looksLikeEmail('chloe')).toBe(false);
    expect(looksLikeEmail('chloe@')).toBe(false);
    expect(looksLikeEmail('a b@example.com')).toBe(false);
  });
});

describe('checkSetupForm', () => {
  const valid = {
    name: 'Chloé',
    email: 'chloe@example.com',
    password: 'correct horse battery',
    workspace_name: 'Acme',
  };
  it('passes a complete form', () => {
    expect(checkSetupForm(valid)).toEqual({});
  });
  it('names each field that is wrong', () => {
    expect(
      checkSetupForm({ name: ' ', email: 'x', password: 'short', workspace_name: '' }),
    ).toEqual({
      name: 'required',
      email: 'email',
      password: 'password_too_short',
      workspace_name: 'required',
    });
  });
});
