import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { Money, type CurrencyCode } from '../../shared/money.js';
import { pgArray } from '../../shared/sql.js';
import type { StoredPreference, StoredSize } from './entities.js';
import { seesPii } from './access.js';
import { ClientView } from './types.js';

/**
 * The client book's read model: profile, account fields, 12-month spend and last purchase with the
 * brand, in one statement for a whole page. Spend and last purchase aggregate the orders domain's tables
 * read-only (lines of the client's brand in paid orders; refunded orders left out, partially refunded
 * ones counted in full until orders record refund amounts per line).
 */
export const COUNTED_STATUSES = ['PAID', 'FULFILLED', 'PICKED_UP', 'PARTIALLY_REFUNDED'];

export interface ClientRow {
  id: string;
  brand_id: string;
  customer_id: string;
  assigned_staff_id: string | null;
  preferences: StoredPreference[];
  sizes: StoredSize[] | null;
  created_at: Date;
  email: string;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  customer_sizes: StoredSize[] | null;
  last_purchase_at: Date | null;
  spend: { currency: CurrencyCode; amount: number }[] | null;
}

export const CLIENT_SELECT = `
  select c.id, c.brand_id, c.customer_id, c.assigned_staff_id, c.preferences, c.sizes, c.created_at,
         cu.email, cu.phone, cu.first_name, cu.last_name, cu.sizes as customer_sizes, lp.last_purchase_at, sp.spend
    from client_profile c
    join customer cu on cu.id = c.customer_id
    left join lateral (select max(o.created_at) as last_purchase_at from sales_order o
                        where o.customer_id = c.customer_id and o.brand_ids @> array[c.brand_id] and o.status::text = any(?::text[])) lp on true
    left join lateral (select jsonb_agg(jsonb_build_object('currency', t.currency, 'amount', t.amount) order by t.currency) as spend
                         from (select l.currency, sum(l.line_total)::bigint as amount from sales_order o
                                 join sales_order_line l on l.order_id = o.id and l.brand_id = c.brand_id
                                where o.customer_id = c.customer_id and o.brand_ids @> array[c.brand_id] and o.status::text = any(?::text[])
                                  and o.created_at >= now() - interval '12 months'
                                group by l.currency) t) sp on true`;

export const statusParams = () => [pgArray(COUNTED_STATUSES), pgArray(COUNTED_STATUSES)];

export function clientView(row: ClientRow, viewer: Viewer): ClientView {
  const pii = seesPii(viewer);
  return Object.assign(new ClientView(), {
    id: toGlobalId('Client', row.id),
    clientId: row.id,
    brandId: row.brand_id,
    customerUuid: row.customer_id,
    assignedStaffId: row.assigned_staff_id,
    customerId: toGlobalId('Customer', row.customer_id),
    firstName: row.first_name,
    lastName: row.last_name,
    email: pii ? row.email : null,
    phone: pii ? row.phone : null,
    preferences: row.preferences,
    sizes: row.sizes ?? row.customer_sizes ?? [],
    spendLast12Months: (row.spend ?? []).map((s) => Money.of(Number(s.amount), s.currency)),
    lastPurchaseAt: row.last_purchase_at ? new Date(row.last_purchase_at) : null,
    createdAt: new Date(row.created_at),
  });
}

export async function selectClient(em: EntityManager, id: string): Promise<ClientRow | null> {
  const [row] = await em.execute<ClientRow[]>(`${CLIENT_SELECT} where c.id = ?`, [...statusParams(), id]);
  return row ?? null;
}
