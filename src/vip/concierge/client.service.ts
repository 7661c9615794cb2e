import type { EntityManager } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { StaffUser } from '../../access/entities/staff-user.entity.js';
import type { Context } from '../../shared/context.js';
import { decodeGlobalId, toGlobalId, tryDecodeGlobalId } from '../../shared/ids.js';
import { pageRequest, toConnection, type ConnectionArgs } from '../../shared/pagination.js';
import { StaffRole } from '../../shared/roles.js';
import { actorOf, seesBrand, type ServiceCtx } from '../../shared/scope.js';
import { pgArray } from '../../shared/sql.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { clientBrands, clientInScope, notFound, seesPii, uuidOf } from './access.js';
import { CLIENT_SELECT, clientView, selectClient, statusParams, type ClientRow } from './client-read.js';
import { ClientAccessLog, ClientNote } from './entities.js';
import { ConciergeErrorCode } from './errors.js';
import { tierFilterSql } from './tiers.js';
import type { ClientFilter, ClientPreference } from './types.js';
import type { CustomerSize } from '../../commerce/customers/customer.entity.js';

const noteView = (n: ClientNote) => ({ id: toGlobalId('ClientNote', n.id), body: n.body, author: n.author, createdAt: n.createdAt });

async function viewOf(ctx: ServiceCtx, em: EntityManager, id: string) {
  const row = await selectClient(em, id);
  if (!row) throw new Error(`Client ${id} vanished after its change`);
  return clientView(row, ctx.viewer);
}

/** Records one read of a 360 view (who, which client, when) in the reading request. */
async function logAccess(ctx: ServiceCtx, row: ClientRow) {
  const v = ctx.viewer;
  await ctx.em.execute('insert into client_access_log (id, staff_id, api_key_id, client_id, brand_id, at) values (?, ?, ?, ?, ?, now())', [
    new ClientAccessLog().id, v.kind === 'staff' ? v.staffId : null, v.kind === 'apiKey' ? v.apiKeyId : null, row.id, row.brand_id,
  ]);
}

export const clientService = {
  /** The client book of the viewer's brands, in creation order: one statement for the page whatever its size. */
  async list(ctx: Context, filter: ClientFilter = {}, args: ConnectionArgs) {
    const page = pageRequest(args);
    const where: string[] = [];
    const params: unknown[] = [];
    const brands = clientBrands(ctx);
    if (brands) (where.push('c.brand_id = any(?::uuid[])'), params.push(pgArray(brands)));
    if (filter.assignedToMe) {
      where.push('c.assigned_staff_id = ?');
      params.push(ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : null);
    }
    if (filter.lastPurchaseBefore) (where.push('lp.last_purchase_at < ?'), params.push(filter.lastPurchaseBefore));
    if (filter.lastPurchaseAfter) (where.push('lp.last_purchase_at >= ?'), params.push(filter.lastPurchaseAfter));
    if (filter.search) {
      const like = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const byEmail = seesPii(ctx.viewer) ? ' or cu.email ilike ?' : '';
      where.push(`(concat_ws(' ', cu.first_name, cu.last_name) ilike ?${byEmail})`);
      params.push(like, ...(byEmail ? [like] : []));
    }
    if (filter.tier) {
      const tier = tierFilterSql(decodeGlobalId(filter.tier, 'VipTier', ['filter', 'tier']).id);
      where.push(tier.sql);
      params.push(...tier.params);
    }
    const base = where.length ? `where ${where.join(' and ')}` : '';
    const keyset = page.cursor ? `${base ? `${base} and` : 'where'} c.id ${page.backward ? '<' : '>'} ?` : base;
    const rows = await ctx.em.execute<ClientRow[]>(
      `${CLIENT_SELECT} ${keyset} order by c.id ${page.backward ? 'desc' : 'asc'} limit ?`,
      [...statusParams(), ...params, ...(page.cursor ? [page.cursor[0]] : []), page.limit + 1],
    );
    return toConnection(rows.map((r) => clientView(r, ctx.viewer)), page, (c) => [c.clientId], async () => {
      const [{ n }] = await ctx.em.execute<{ n: number }[]>(
        `select count(*)::int as n from (${CLIENT_SELECT} ${base}) t`, [...statusParams(), ...params]);
      return n;
    });
  },

  /** The 360 view of one client, or null (out of scope reads as missing); every read is logged. */
  async get(ctx: Context, globalId: string) {
    const decoded = tryDecodeGlobalId(globalId);
    if (decoded?.type !== 'Client' || !isUuid(decoded.id)) return null;
    return clientService.node(ctx, decoded.id);
  },

  async node(ctx: Context, id: string) {
    if (ctx.viewer.kind !== 'staff') return null;
    const row = await selectClient(ctx.em, id);
    if (!row || !seesBrand(ctx.viewer, row.brand_id)) return null;
    await logAccess(ctx, row);
    return clientView(row, ctx.viewer);
  },

  /** Reads of 360 views, newest first: brand admins of the client's brand (platform admins: all). */
  async accessLog(ctx: Context, clientGlobalId: string | undefined, args: ConnectionArgs) {
    const page = pageRequest({ ...args, last: undefined, before: undefined });
    const where: string[] = [];
    const params: unknown[] = [];
    const brands = clientBrands(ctx);
    if (brands) (where.push('brand_id = any(?::uuid[])'), params.push(pgArray(brands)));
    if (clientGlobalId) {
      const decoded = tryDecodeGlobalId(clientGlobalId);
      where.push('client_id = ?');
      params.push(decoded?.type === 'Client' && isUuid(decoded.id) ? decoded.id : '00000000-0000-0000-0000-000000000000');
    }
    const filtered = where.length ? `where ${where.join(' and ')}` : '';
    const filterParams = [...params];
    if (page.cursor) (where.push('id < ?'), params.push(page.cursor[0]));
    const rows = await ctx.em.execute<{ id: string; client_id: string; staff_id: string | null; api_key_id: string | null; at: Date }[]>(
      `select id, client_id, staff_id, api_key_id, at from client_access_log ${where.length ? `where ${where.join(' and ')}` : ''} order by id desc limit ?`,
      [...params, page.limit + 1],
    );
    const entries = rows.map((r) => ({
      id: r.id, clientId: toGlobalId('Client', r.client_id), at: new Date(r.at),
      staffId: r.staff_id ? toGlobalId('StaffUser', r.staff_id) : null, apiKeyId: r.api_key_id ? toGlobalId('ApiKey', r.api_key_id) : null,
    }));
    return toConnection(entries, page, (e) => [e.id], async () => {
      const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from client_access_log ${filtered}`, filterParams);
      return n;
    });
  },

  noteAdd(ctx: ServiceCtx, input: { clientId: string; body: string }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId);
      const body = input.body.trim();
      if (!body) throw new DomainError(ConciergeErrorCode.INVALID, 'The note is empty', ['input', 'body']);
      const note = tx.create(ClientNote, { clientId: client.id, brandId: client.brandId, author: actorOf(ctx.viewer), body });
      return { note: noteView(note) };
    });
  },

  preferencesUpdate(ctx: ServiceCtx, input: { clientId: string; preferences?: ClientPreference[]; sizes?: CustomerSize[] }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId, ['input', 'clientId'], true);
      if (input.preferences) {
        const seen = new Set<string>();
        input.preferences.forEach((p, i) => {
          if (seen.has(p.key)) throw new DomainError(ConciergeErrorCode.INVALID, `The key "${p.key}" is given twice`, ['input', 'preferences', String(i), 'key']);
          seen.add(p.key);
        });
        client.preferences = input.preferences.map((p) => ({ key: p.key, value: p.value.trim() }));
      }
      if (input.sizes) client.sizes = input.sizes.length ? input.sizes.map((s) => ({ category: s.category, system: s.system, value: s.value })) : null;
      await tx.flush();
      return { client: await viewOf(ctx, tx, client.id) };
    });
  },

  assign(ctx: ServiceCtx, input: { clientId: string; staffId?: string | null }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId, ['input', 'clientId'], true);
      if (input.staffId == null) client.assignedStaffId = null;
      else {
        const field = ['input', 'staffId'];
        const staff = await tx.findOne(StaffUser, { id: uuidOf(input.staffId, 'StaffUser', field), disabledAt: null });
        if (!staff || !seesBrand(ctx.viewer, staff.brandIds[0] ?? null) && staff.role !== StaffRole.PLATFORM_ADMIN) throw notFound(field, 'staff member');
        if (staff.role === StaffRole.PLATFORM_ADMIN || !staff.brandIds.includes(client.brandId)) {
          throw new DomainError(ConciergeErrorCode.WRONG_BRAND, "Assign a concierge or brand admin of the client's brand", field);
        }
        client.assignedStaffId = staff.id;
      }
      await tx.flush();
      return { client: await viewOf(ctx, tx, client.id) };
    });
  },

  notes: (ctx: Context, clientId: string) =>
    ctx.em.find(ClientNote, { clientId }, { orderBy: { id: 'desc' } }).then((notes) => notes.map(noteView)),
};
