/**
 * "For a customer…" of generated residential endpoints (issue 14 §2 with issue 16): the sub-user of the
 * login the endpoints were generated with, the customer's export format, the sentence of what was
 * recorded, and the en / zh-CN keys of every sentence it can say.
 */
import { describe, expect, it } from 'vitest';
import type { SubUser } from '../../preload/contract/model';
import { residentialEn } from '../../renderer/i18n/residential.en';
import { residentialZhCN } from '../../renderer/i18n/residential.zh-CN';
import { customerFormat, recordedKey, subUserOfLogin } from '../../renderer/views/residential/for-customer';

const user = (id: string, username: string): SubUser => ({
  id,
  username,
  limitBytes: null,
  limitUnlimited: true,
  usedBytes: null,
  status: 'active',
  note: null,
  createdAt: null,
});

describe('subUserOfLogin', () => {
  const users = [user('premium:42', 'alice'), user('shopA01', 'shopA01')];

  it('finds the sub-user by the id the snapshot uses (ProxyShard `<tier>:<id>`, BestProxy the username)', () => {
    expect(subUserOfLogin('premium:42', users)?.username).toBe('alice');
    expect(subUserOfLogin('shopA01', users)?.id).toBe('shopA01');
  });

  it('falls back to the user name, and the item id stays the snapshot id', () => {
    expect(subUserOfLogin('alice', users)?.id).toBe('premium:42');
  });

  it('is null for the main account: no login, a ProxyShard owner pool, or no snapshot', () => {
    expect(subUserOfLogin(null, users)).toBeNull();
    expect(subUserOfLogin('', users)).toBeNull();
    expect(subUserOfLogin('owner:premium', users)).toBeNull();
    expect(subUserOfLogin('premium:42', undefined)).toBeNull();
  });

  it('is null for a login the snapshot does not list (nothing is assigned then)', () => {
    expect(subUserOfLogin('premium:99', users)).toBeNull();
  });
});

describe('customerFormat', () => {
  it('reads a format id, a custom template line, or none', () => {
    expect(customerFormat({ exportTemplate: 'user:pass@ip:port' })).toEqual({
      format: 'user:pass@ip:port',
      template: null,
    });
    expect(customerFormat({ exportTemplate: '{ip}|{port}' })).toEqual({ format: 'template', template: '{ip}|{port}' });
    expect(customerFormat({ exportTemplate: null })).toBeNull();
  });
});

describe('recordedKey', () => {
  it('says what was assigned and in which format the lines were copied', () => {
    expect(recordedKey({ assigned: true, ownFormat: true, copied: true })).toBe('assignedTheirs');
    expect(recordedKey({ assigned: true, ownFormat: false, copied: true })).toBe('assignedCurrent');
    expect(recordedKey({ assigned: true, ownFormat: true, copied: false })).toBe('assignedCopyFailed');
    expect(recordedKey({ assigned: false, ownFormat: true, copied: true })).toBe('notAssignedTheirs');
    expect(recordedKey({ assigned: false, ownFormat: false, copied: true })).toBe('notAssignedCurrent');
    expect(recordedKey({ assigned: false, ownFormat: false, copied: false })).toBe('notAssignedCopyFailed');
  });

  it('every key it can give has a sentence in English and in Chinese', () => {
    const en = residentialEn.residential.forCustomer as Record<string, string>;
    const zh = residentialZhCN.residential.forCustomer as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const assigned of [true, false])
      for (const ownFormat of [true, false])
        for (const copied of [true, false]) {
          const k = recordedKey({ assigned, ownFormat, copied });
          for (const words of [en, zh]) expect(words[k] ?? words[`${k}_other`]).toBeTruthy();
        }
  });
});
