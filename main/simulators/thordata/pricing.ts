/**
 * The Thordata simulator's renewal packages (seed: package_id → days), upgrade tables (vendor file §3.6
 * S6) and its own pricing (Thordata publishes no prices in its API).
 */
export const RENEW_DAYS: Readonly<Record<number, number>> = { 27: 1, 6: 7, 8: 30, 7: 60 };
export const BANDWIDTH_MBPS: Readonly<Record<number, number>> = {
  1: 200,
  2: 300,
  3: 400,
  4: 500,
  5: 600,
  6: 700,
  7: 800,
  8: 900,
  9: 1000,
};
export const SIZES: Readonly<Record<number, { label: string; rank: number; dailyCents: number }>> = {
  5: { label: '8vCPU 16GiB', rank: 1, dailyCents: 1200 },
  2: { label: '16vCPU 32GiB', rank: 2, dailyCents: 2200 },
  3: { label: '32vCPU 64GiB', rank: 3, dailyCents: 4000 },
  4: { label: '64vCPU 128GiB', rank: 4, dailyCents: 7500 },
};
/** Longer packages are cheaper per day (simulator pricing; Thordata publishes none in its API). */
export const PACKAGE_DISCOUNT: Readonly<Record<number, number>> = { 27: 1, 6: 0.9, 8: 0.8, 7: 0.75 };
