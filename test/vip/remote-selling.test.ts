import { buildWorld, type World } from '../tenancy/world.js';

/** Remote selling end to end over HTTP: a concierge prepares a cart, the client checks out on the storefront, the Admin order credits the concierge. */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(() => world?.server.close());

const ADDRESS = { firstName: 'Li', lastName: 'Wei', address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' };

test("an order checked out from a concierge's cart is attributed to the concierge; one the client builds alone is not", async () => {
  const prepared = await world.server.gql('admin', 'mutation($i: ClientCartCreateInput!) { clientCartCreate(input: $i) { cart { cartId } userErrors { code message } } }', {
    i: { clientId: world.a.ids.Client[0], storeId: world.a.ids.Store[0], lines: [{ merchandiseId: world.a.ids.ProductVariant[0], quantity: 1 }] },
  }, world.viewers.conciergeA);
  const cartId = (prepared.data as any).clientCartCreate.cart.cartId as string;
  const asClient = { ...world.viewers.customer, 'x-store': 'a-cn' };
  const checkout = (id: string) => world.server.gql('storefront',
    'mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { order { id } userErrors { code message } } }',
    { i: { cartId: id, idempotencyKey: `remote-${id}`, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: ADDRESS } }, asClient);
  const placed = await checkout(cartId);
  expect(placed.errors).toBeUndefined();
  expect((placed.data as any).checkoutComplete.userErrors).toEqual([]);
  const orderId = (placed.data as any).checkoutComplete.order.id as string;

  const read = (id: string, who: keyof World['viewers']) =>
    world.server.gql('admin', 'query($id: ID!) { order(id: $id) { status attributedStaff { id email } } }', { id }, world.viewers[who]);
  const staffMe = await world.server.gql('admin', '{ staffMe { id } }', {}, world.viewers.conciergeA);
  const concierge = { id: (staffMe.data as any).staffMe.id, email: 'concierge-a@example.com' };
  expect((await read(orderId, 'brandAdminA')).data).toEqual({ order: { status: 'PAID', attributedStaff: concierge } });
  expect((await read(orderId, 'platform')).data).toEqual({ order: { status: 'PAID', attributedStaff: concierge } });

  // The same client's own cart credits nobody.
  const own = await world.server.gql('storefront', 'mutation($i: CartCreateInput!) { cartCreate(input: $i) { cart { id } userErrors { message } } }', {
    i: { lines: [{ merchandiseId: world.a.ids.ProductVariant[0], quantity: 1 }] },
  }, asClient);
  const ownOrder = await checkout((own.data as any).cartCreate.cart.id);
  expect((ownOrder.data as any).checkoutComplete.userErrors).toEqual([]);
  expect((await read((ownOrder.data as any).checkoutComplete.order.id, 'brandAdminA')).data).toEqual({ order: { status: 'PAID', attributedStaff: null } });
});
