/**
 * A customer's page: each item's cost per month and where it came from (reports:itemCosts, built on
 * main's cost-basis.ts), and the customer's margin this month (reports:margin, so an order and its own
 * IPs are not counted twice). Pure helpers, no React.
 */
import type { CostSource, ItemCost, MarginReport } from '../../../preload/contract/business';
import type { Money } from '../../../preload/contract/model';
import { sumMoney } from '../../lib/inventory';

/** i18n key of a cost source, in words: vendor price, last renewal, last price check, not known. */
export const costSourceKey = (s: CostSource): string => `customers.page.costSource.${s}`;

export const costsByKey = (costs: readonly ItemCost[]): Map<string, ItemCost> => new Map(costs.map((c) => [c.key, c]));

/** The computer's month `YYYY-MM`. */
export const monthNow = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

export interface CustomerMargin {
  /** Revenue − cost, one figure per currency (never added across currencies). */
  margin: Money[];
  /** Item-months of the customer without a known cost (their margin is overstated by that much). */
  unknownCost: number;
}

/** The customer's margin in a margin report (one month asked), per currency; null without any row. */
export function customerMargin(report: MarginReport, customerId: string): CustomerMargin | null {
  const rows = report.rows.filter((r) => r.customerId === customerId);
  if (rows.length === 0) return null;
  return {
    margin: sumMoney(rows.map((r) => r.margin)),
    unknownCost: rows.reduce((n, r) => n + r.costSources.none, 0),
  };
}
