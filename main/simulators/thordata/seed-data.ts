/**
 * Deterministic demo data for the Thordata simulator: a reseller with ISP and datacenter IPs,
 * unlimited servers, residential traffic, sub-users and whitelisted IPs. Same seed, same account.
 */

/** mulberry32: small seeded PRNG (no Math.random, so screenshots and tests are stable). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable hash of a string to a 32-bit seed (per-user traffic without storing it). */
export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type Rand = () => number;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const choose = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const alnum = (r: Rand, n: number) => Array.from({ length: n }, () => choose(r, [...ALNUM])).join('');
export const digits = (r: Rand, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');

export const DAY_MS = 86_400_000;

/** A time on a whole minute (Thordata shows "YYYY-MM-DD HH:mm"; the true instant matches it). */
export const floorMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** Vendor date formats (no zone; the simulator's vendor time is UTC). */
export const fmtDay = (d: Date) => d.toISOString().slice(0, 10);
export const fmtMinute = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

export const LOCATIONS: readonly { country: string; cities: readonly string[] }[] = [
  { country: 'US', cities: ['New York', 'Los Angeles', 'Dallas', 'Chicago', 'Ashburn'] },
  { country: 'GB', cities: ['London', 'Manchester'] },
  { country: 'DE', cities: ['Frankfurt', 'Berlin'] },
  { country: 'JP', cities: ['Tokyo', 'Osaka'] },
  { country: 'SG', cities: ['Singapore'] },
  { country: 'BR', cities: ['Sao Paulo'] },
  { country: 'FR', cities: ['Paris'] },
  { country: 'CA', cities: ['Toronto', 'Montreal'] },
  { country: 'NL', cities: ['Amsterdam'] },
  { country: 'AU', cities: ['Sydney'] },
];

const FIRST_OCTETS = [38, 45, 64, 103, 138, 154, 156, 172, 185, 193, 194, 200, 206, 212] as const;

export interface SeedStaticIp {
  ip: string;
  port: number;
  username: string;
  password: string;
  country: string;
  city: string;
  purchase: Date;
  expires: Date;
}

export interface SeedServer {
  insId: string;
  planName: string;
  svId: number;
  bwId: number;
  status: string;
  orderId: string;
  region: string;
  purchase: Date;
  expires: Date;
}

export interface SeedSubUser {
  username: string;
  password: string;
  status: boolean;
  trafficLimitMb: number;
  usageMb: number;
  created: string;
}

export interface SeedWhitelist {
  ip: string;
  status: boolean;
  created: string;
}

export function randomIp(r: Rand): string {
  return `${choose(r, FIRST_OCTETS)}.${int(r, 1, 254)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
}

/** ISP (port 6666) and datacenter (7777) IPs: ~10% expired, ~15% expiring within 7 days. */
export function seedStaticIps(r: Rand, count: number, now: Date): { isp: SeedStaticIp[]; dc: SeedStaticIp[] } {
  const isp: SeedStaticIp[] = [];
  const dc: SeedStaticIp[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let ip = randomIp(r);
    while (seen.has(ip)) ip = randomIp(r);
    seen.add(ip);
    const roll = r();
    const expiresInDays = roll < 0.1 ? -int(r, 1, 20) : roll < 0.25 ? int(r, 0, 6) : int(r, 8, 88);
    const expires = new Date(floorMinute(now.getTime()) + expiresInDays * DAY_MS + int(r, 1, 23) * 3_600_000);
    const loc = choose(r, LOCATIONS);
    const row: SeedStaticIp = {
      ip,
      port: 0,
      username: `td${alnum(r, 8)}`,
      password: alnum(r, 12),
      country: loc.country,
      city: choose(r, loc.cities),
      purchase: new Date(expires.getTime() - choose(r, [30, 30, 60, 90]) * DAY_MS),
      expires,
    };
    if (r() < 0.6) isp.push({ ...row, port: 6666 });
    else dc.push({ ...row, port: 7777 });
  }
  return { isp, dc };
}

/** Five unlimited servers: one expiring in 3 days, one expired 4 days ago, one long offline. */
export function seedServers(r: Rand, now: Date): SeedServer[] {
  const plans: { days: number; svId: number; bwId: number; region: string; status: string }[] = [
    { days: 3, svId: 5, bwId: 1, region: 'na-siliconvalley', status: 'Turn on' },
    { days: 25, svId: 2, bwId: 3, region: 'ap-singapore', status: 'Turn on' },
    { days: 52, svId: 5, bwId: 2, region: 'eu-frankfurt', status: 'Turn on' },
    { days: -4, svId: 5, bwId: 1, region: 'na-ashburn', status: 'Turn off' },
    { days: -45, svId: 3, bwId: 5, region: 'ap-tokyo', status: 'Turn off' },
  ];
  return plans.map((p) => {
    const expires = new Date(floorMinute(now.getTime()) + p.days * DAY_MS + int(r, 1, 20) * 3_600_000);
    return {
      insId: `ins-${digits(r, 9)}`,
      planName: `${alnum(r, 8)}.proxy.thordata.net`,
      svId: p.svId,
      bwId: p.bwId,
      status: p.status,
      orderId: `Thor${digits(r, 9)}`,
      region: p.region,
      purchase: new Date(expires.getTime() - 30 * DAY_MS),
      expires,
    };
  });
}

const NAMES = ['shopbot', 'scraper', 'adverify', 'seoteam', 'pricewatch', 'social', 'travel', 'market'];

export function seedSubUsers(r: Rand, count: number, now: Date, prefix: string): SeedSubUser[] {
  return Array.from({ length: count }, (_, i) => {
    const limit = choose(r, [0, 0, 5_120, 10_240, 51_200, 102_400]);
    return {
      username: `${prefix}${NAMES[i % NAMES.length]}${int(r, 10, 99)}`.slice(0, 15),
      password: `P${alnum(r, 9)}`,
      status: r() > 0.15,
      trafficLimitMb: limit,
      usageMb: limit === 0 ? int(r, 200, 80_000) : int(r, 0, limit),
      created: fmtDay(new Date(now.getTime() - int(r, 10, 300) * DAY_MS)),
    };
  });
}

export function seedWhitelist(r: Rand, count: number, now: Date): SeedWhitelist[] {
  return Array.from({ length: count }, () => ({
    ip: randomIp(r),
    status: true,
    created: fmtDay(new Date(now.getTime() - int(r, 1, 200) * DAY_MS)),
  }));
}

/** Daily residential usage in KB (3–12 GB a day, quieter at weekends), stable per date. */
export function dailyUsageKb(seed: number, day: string): number {
  const r = prng(hashSeed(`${seed}:${day}`));
  const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const gb = (weekend ? 2 : 4) + r() * (weekend ? 4 : 8);
  return Math.round(gb * 1024 * 1024);
}

/** A sub-user's usage in KB for one day, or one hour ("YYYY-MM-DD HH"). */
export function subUserUsageKb(username: string, bucket: string): number {
  const r = prng(hashSeed(`${username}:${bucket}`));
  const hourly = bucket.length > 10;
  const mb = hourly ? r() * 40 : 50 + r() * 900;
  return Math.round(mb * 1024 * 100) / 100;
}
