import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { dataOf, expectOk } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PASSWORD = 'a long password';

/** A test server with two flagship stores and helpers to sign customers up and read rows back. */
export class CustomerStore {
  server!: TestServer;
  private counter = 0;

  async start() {
    this.server = await startTestServer();
    const em = this.server.db.orm.em.fork();
    const fixtures = new CatalogFixtures(em);
    const brand = fixtures.brand('brand-a', { en: 'Brand A' });
    fixtures.store('store-a', [brand]);
    fixtures.store('store-b', [brand]);
    await em.flush();
  }

  close() {
    return this.server.close();
  }

  next() {
    return ++this.counter;
  }

  gql<R, V>(document: TypedDocumentNode<R, V>, variables: V, token?: string, store = 'store-a') {
    return this.server.gql('storefront', document, variables, { 'x-store': store, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  }

  async signIn(email: string, store = 'store-a'): Promise<string> {
    const res = await this.gql(CustomerAccessTokenCreateDocument, { input: { email, password: PASSWORD } }, undefined, store);
    return expectOk(dataOf(res).customerAccessTokenCreate).customerAccessToken.accessToken;
  }

  /** Signs a new customer up and in; returns its token and database id. */
  async customer(email: string, names: { firstName?: string; lastName?: string } = {}, store = 'store-a') {
    const created = await this.gql(CustomerCreateDocument, { input: { email, password: PASSWORD, ...names } }, undefined, store);
    expectOk(dataOf(created).customerCreate);
    const token = await this.signIn(email, store);
    const [{ id }] = await this.sql<{ id: string }>('select id from customer where email = ?', [email]);
    return { token, id };
  }

  sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.server.db.orm.em.fork().execute(query, params) as Promise<T[]>;
  }

  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params);
    return Number(row.n);
  }

  /** A row as the database holds it, to compare before and after a refused request. */
  async row(table: string, id: string) {
    const [row] = await this.sql<Record<string, unknown>>(`select * from ${table} where id = ?`, [id]);
    return row;
  }

  /** Every address row of a customer plus its default pointer: what a refused address mutation must leave alone. */
  async addressState(customerId: string) {
    const addresses = await this.sql('select * from customer_address where customer_id = ? order by id', [customerId]);
    const [owner] = await this.sql<{ default_address_id: string | null }>('select default_address_id from customer where id = ?', [customerId]);
    return { addresses, defaultAddressId: owner.default_address_id };
  }
}
