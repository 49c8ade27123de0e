/**
 * The Thordata simulator's sub-user rules (U2–U4): validation per the error list (vendor file §5.1:
 * 10015 name, 10016 password, 10018 duplicate, 10019 quota, 10020 unknown name) on one product's list.
 */
import { fmtDay, type SeedSubUser } from './seed-data';
import { ThorError } from './thor-error';

export const USER_LIMIT = 20;
const USERNAME = /^[A-Za-z0-9]{6,15}$/;
const PASSWORD = /^[A-Za-z][A-Za-z0-9]{5,14}$/;

export function createUser(list: SeedSubUser[], b: Record<string, unknown>, now: Date) {
  const username = str(b.username);
  const password = str(b.password);
  const limit = Number(str(b.traffic_limit));
  if (!username || !password || str(b.traffic_limit) === '' || str(b.status) === '') {
    throw new ThorError(10000, 'username, password, traffic_limit and status are required');
  }
  if (!USERNAME.test(username)) throw new ThorError(10015, 'The username must be 6-15 letters or numbers');
  if (!PASSWORD.test(password)) {
    throw new ThorError(10016, 'The password must be 6-15 letters or numbers and start with a letter');
  }
  if (!Number.isInteger(limit) || (limit !== 0 && limit < 100)) {
    throw new ThorError(10000, 'traffic_limit must be 0 or at least 100 (MB)');
  }
  if (list.some((u) => u.username === username)) throw new ThorError(10018, 'The username already exists');
  if (list.length >= USER_LIMIT) throw new ThorError(10019, 'The number of sub-accounts has reached the limit');
  list.push({
    username,
    password,
    status: boolFlag(b.status),
    trafficLimitMb: limit,
    usageMb: 0,
    created: fmtDay(now),
  });
  return {};
}

export function updateUser(list: SeedSubUser[], b: Record<string, unknown>) {
  const user = list.find((u) => u.username === str(b.username));
  if (!user) throw new ThorError(10020, 'The username does not exist');
  const fields = ['new_username', 'new_password', 'new_traffic_limit', 'new_status'] as const;
  // The vendor rejects partial updates (SDK-py comment): all four are required here.
  if (fields.some((f) => str(b[f]) === ''))
    throw new ThorError(10000, 'new_username, new_password, new_traffic_limit, new_status are required');
  const newName = str(b.new_username);
  const limit = Number(str(b.new_traffic_limit));
  if (!USERNAME.test(newName)) throw new ThorError(10015, 'The username must be 6-15 letters or numbers');
  if (!PASSWORD.test(str(b.new_password))) {
    throw new ThorError(10016, 'The password must be 6-15 letters or numbers and start with a letter');
  }
  if (!Number.isInteger(limit) || (limit !== 0 && limit < 100)) {
    throw new ThorError(10000, 'new_traffic_limit must be 0 or at least 100 (MB)');
  }
  if (newName !== user.username && list.some((u) => u.username === newName)) {
    throw new ThorError(10018, 'The username already exists');
  }
  Object.assign(user, {
    username: newName,
    password: str(b.new_password),
    trafficLimitMb: limit,
    status: boolFlag(b.new_status),
  });
  return {};
}

export function deleteUser(list: SeedSubUser[], b: Record<string, unknown>) {
  const i = list.findIndex((u) => u.username === str(b.username));
  if (i < 0) throw new ThorError(10020, 'The username does not exist');
  list.splice(i, 1);
  return {};
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** "true" / "false" (and the docs' "ture" typo). */
export function boolFlag(v: unknown): boolean {
  const s = str(v).toLowerCase();
  return s === 'true' || s === 'ture' || s === '1';
}
