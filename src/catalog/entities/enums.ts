import { registerEnumType } from 'type-graphql';

export enum StoreKind {
  ONLINE_FLAGSHIP = 'ONLINE_FLAGSHIP',
  BOUTIQUE = 'BOUTIQUE',
  POPUP = 'POPUP',
  DESIGN_MALL = 'DESIGN_MALL',
}
registerEnumType(StoreKind, {
  name: 'StoreKind',
  valuesConfig: {
    ONLINE_FLAGSHIP: { description: "A brand's official online flagship (own site or marketplace flagship)." },
    BOUTIQUE: { description: 'A physical boutique.' },
    POPUP: { description: 'A temporary pop-up store.' },
    DESIGN_MALL: { description: 'A multi-brand design-week mall.' },
  },
});

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, { name: 'ProductStatus' });

export enum StockLocationKind {
  WAREHOUSE = 'WAREHOUSE',
  BOUTIQUE = 'BOUTIQUE',
}
registerEnumType(StockLocationKind, { name: 'StockLocationKind' });
