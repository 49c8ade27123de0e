// Types of detect.mjs (plain JavaScript, because setup runs before any dependency is installed).
export type Family = 'debian' | 'fedora' | 'arch' | 'unknown';
export interface OsRelease {
  id: string;
  idLike: string[];
  name: string;
}
export type Probe = { kind: 'pkg-config'; name: string } | { kind: 'command'; names: string[] };
export interface Requirement {
  id: 'libsecret' | 'pkg-config' | 'compiler' | 'make' | 'python' | 'secret-service';
  build: boolean;
  probe: Probe;
  packages: Partial<Record<Family, string[]>>;
}
export type Privilege = 'root' | 'sudo' | 'none';
export type Plan =
  | { action: 'ok'; missing: Requirement[]; packages: string[] }
  | {
      action: 'install';
      missing: Requirement[];
      packages: string[];
      display: string;
      command: string[];
      confirm: boolean;
      refresh: string[] | null;
    }
  | {
      action: 'stop' | 'advise';
      reason: 'no-sudo' | 'no-permission' | 'unknown-distro';
      missing: Requirement[];
      packages: string[];
      display: string | null;
    };
export function parseOsRelease(text: string): OsRelease;
export function distroFamily(os: OsRelease): Family;
export const REQUIREMENTS: Requirement[];
export function missingRequirements(has: (probe: Probe) => boolean, requirements?: Requirement[]): Requirement[];
export function packagesFor(family: Family, requirements: Requirement[]): string[];
export function installCommand(family: Family, packages: string[]): string[] | null;
export function privilege(facts: { uid: number; hasSudo: boolean }): Privilege;
export function withPrivilege(argv: string[], priv: Privilege, interactive: boolean): string[];
export function displayCommand(argv: string[], priv: Privilege): string;
export function planSystemPackages(facts: {
  family: Family;
  has: (probe: Probe) => boolean;
  uid: number;
  hasSudo: boolean;
  interactive: boolean;
  assumeYes: boolean;
}): Plan;
export function parseBusNames(output: string): string[];
export const SECRET_SERVICE: string;
export function secretServiceState(bus: {
  names: string[] | null;
  activatable: string[] | null;
}): 'running' | 'activatable' | 'not-running' | 'no-bus';
