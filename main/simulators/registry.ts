import type { VendorId } from '../../preload/contract/model';
import { createBestproxySimulator } from './bestproxy';
import { createProxyshardSimulator } from './proxyshard';
import { createThordataSimulator } from './thordata';
import type { SimulatorOptions, VendorSimulator } from './types';
import { createYouproxySimulator } from './youproxy';

export const SIMULATOR_FACTORIES: Record<VendorId, (opts?: SimulatorOptions) => VendorSimulator> = {
  thordata: createThordataSimulator,
  proxyshard: createProxyshardSimulator,
  youproxy: createYouproxySimulator,
  bestproxy: createBestproxySimulator,
};
