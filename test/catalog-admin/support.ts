import { StaffRole } from '../../src/shared/roles.js';
import { randomUUID } from 'node:crypto';
import { issueToken } from '../../src/shared/auth.js';
import { pgArray } from '../../src/shared/sql.js';
import type { ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ApiKeyCreateDocument,
  type ApiScope,
  BrandCreateDocument,
  StockLocationCreateDocument,
  StoreCreateDocument,
  type ProductCreateInput,
  type StoreKind,
} from '../generated/admin.js';
import { dataOf, expectOk } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';

export type Headers = Record<string, string>;

const TABLES = [
  'brand_group', 'brand', 'store', 'store_brand', 'stock_location', 'category', 'product', 'product_variant',
  'variant_price', 'inventory_level', 'inventory_adjustment', 'product_listing', 'collection', 'collection_product',
  'outbox_event', 'idempotency_record',
];

/** A test server with helpers to call Admin API mutations as different viewers. */
export class AdminHarness {
  constructor(readonly server: TestServer) {}

  static async start() {
    return new AdminHarness(await startTestServer());
  }

  close() {
    return this.server.close();
  }

  /** Staff ids by role and brands: tokens name real staff rows, since every request reads the current role and brands. */
  private readonly staffIds = new Map<string, string>();

  async token(role: StaffRole, brandIds: string[] = [], staffId = '0190a3c2-0000-7000-8000-000000000001'): Promise<Headers> {
    const identity = `${role}:${[...brandIds].sort().join(',')}`;
    let id = this.staffIds.get(identity);
    if (!id) {
      id = [...this.staffIds.values()].includes(staffId) ? randomUUID() : staffId;
      await this.sql(
        `insert into staff_user (id, created_at, updated_at, email, password_hash, role, brand_ids) values (?, now(), now(), ?, '!', ?::staff_role, ?::text[])`,
        [id, `${id}@staff.test`, role, pgArray(brandIds)],
      );
      this.staffIds.set(identity, id);
    }
    const { token } = await issueToken(this.server.app, { typ: 'staff', sub: id });
    return { authorization: `Bearer ${token}` };
  }

  platform() {
    return this.token(StaffRole.PLATFORM_ADMIN);
  }

  /** Brand admin of the given brands (raw UUIDs, as in the JWT). */
  brandAdmin(...brandIds: string[]) {
    return this.token(StaffRole.BRAND_ADMIN, brandIds, '0190a3c2-0000-7000-8000-0000000000b1');
  }

  async apiKey(scopes: ApiScope[], brandGlobalIds: string[]): Promise<Headers> {
    const data = await this.data(ApiKeyCreateDocument, { input: { name: 'pim', scopes, brandIds: brandGlobalIds } });
    return { 'x-api-key': expectOk(data.apiKeyCreate).secret };
  }

  /** Sends a typed Admin API document, as a platform admin unless other headers are given; returns the whole response. */
  async gql<R, V>(document: TypedDocumentNode<R, V>, variables: V, headers?: Headers): Promise<ExecutionResult<R>> {
    return this.server.gql('admin', document, variables, headers ?? (await this.platform()));
  }

  /** Like gql, for a request that must have no GraphQL errors: returns its data. */
  async data<R, V>(document: TypedDocumentNode<R, V>, variables: V, headers?: Headers): Promise<R> {
    return dataOf(await this.gql(document, variables, headers));
  }

  /** Untyped query by string; prefer a typed document from test/operations/admin with `data`. */
  async query<T = any>(query: string, variables: Record<string, unknown> = {}, headers?: Headers): Promise<T> {
    const res = await this.server.gql('admin', query, variables, headers ?? (await this.platform()));
    if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** Every catalog row, to assert that a refused request wrote nothing. */
  async snapshot(): Promise<string> {
    const em = this.server.db.orm.em.fork();
    const parts: string[] = [];
    for (const table of TABLES) parts.push(table, JSON.stringify(await em.execute(`select * from ${table} order by 1, 2`)));
    return parts.join('\n');
  }

  async sql<T = Record<string, any>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.server.db.orm.em.fork().execute(query, params as never[]) as Promise<T[]>;
  }
}

/** Raw UUID of a global ID. */
export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
}

export interface Basics {
  mk: string;
  loewe: string;
  mkCn: string;
  loeweCn: string;
  mall: string;
  mkWh: string;
  loeweWh: string;
  mallWh: string;
}

/** Two brands, a flagship each (CNY) and a Design Mall carrying both, each with a warehouse. */
export async function seedBasics(h: AdminHarness): Promise<Basics> {
  const brand = async (handle: string, name: string) =>
    expectOk(
      (await h.data(BrandCreateDocument, { input: { handle, defaultLocale: 'en', translations: [{ locale: 'en', name }, { locale: 'zh-CN', name: `${name} 中文` }] } }))
        .brandCreate,
    ).brand.id;
  const mk = await brand('michael-kors', 'Michael Kors');
  const loewe = await brand('loewe', 'LOEWE');
  const store = async (handle: string, brandIds: string[], kind: StoreKind = 'ONLINE_FLAGSHIP') =>
    expectOk(
      (
        await h.data(StoreCreateDocument, {
          input: { handle, name: handle, kind, brandIds, marketCountry: 'CN', currency: 'CNY', defaultLocale: 'zh-CN', supportedLocales: ['zh-CN', 'en'], timeZone: 'Asia/Shanghai' },
        })
      ).storeCreate,
    ).store.id;
  const mkCn = await store('mk-cn', [mk]);
  const loeweCn = await store('loewe-cn', [loewe]);
  const mall = await store('design-mall', [mk, loewe], 'DESIGN_MALL');
  const location = async (storeId: string, handle: string) =>
    expectOk((await h.data(StockLocationCreateDocument, { input: { storeId, handle, name: 'Warehouse', kind: 'WAREHOUSE' } })).stockLocationCreate).stockLocation.id;
  return { mk, loewe, mkCn, loeweCn, mall, mkWh: await location(mkCn, 'wh'), loeweWh: await location(loeweCn, 'wh'), mallWh: await location(mall, 'wh') };
}

/** A SELMA bag with colour x size variants. */
export function selmaInput(brandId: string, handle = 'selma-mini', skuPrefix = 'MK-SELMA') {
  const input = {
    brandId,
    handle,
    status: 'ACTIVE',
    tags: ['bags'],
    translations: [
      { locale: 'en', title: 'SELMA Mini Satchel', descriptionHtml: '<p>Saffiano leather.</p>' },
      { locale: 'zh-CN', title: 'SELMA 迷你手提包' },
    ],
    options: [
      {
        code: 'colour',
        names: [{ locale: 'en', value: 'Colour' }, { locale: 'zh-CN', value: '颜色' }],
        values: [
          { code: 'black', names: [{ locale: 'en', value: 'Black' }, { locale: 'zh-CN', value: '黑色' }] },
          { code: 'camel', names: [{ locale: 'en', value: 'Camel' }] },
        ],
      },
      { code: 'size', names: [{ locale: 'en', value: 'Size' }], values: [{ code: 'mini', names: [{ locale: 'en', value: 'Mini' }] }] },
    ],
    media: [{ url: 'https://img.example/selma.jpg', alt: [{ locale: 'en', value: 'SELMA in black' }] }],
    variants: [
      { sku: `${skuPrefix}-BLK`, optionValues: [{ option: 'colour', value: 'black' }, { option: 'size', value: 'mini' }], barcode: '400000000001', weightGrams: 800 },
      { sku: `${skuPrefix}-CML`, optionValues: [{ option: 'colour', value: 'camel' }, { option: 'size', value: 'mini' }] },
    ],
  } satisfies ProductCreateInput;
  return input;
}
