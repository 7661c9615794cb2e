import { z } from 'zod';
import { CODE, HANDLE, SKU } from '../admin/validation.js';

/**
 * One line of a catalog import file (JSON Lines): one product with its variants, prices, stock,
 * publications and collections. Stores, locations, categories and collections are named by handle.
 * Unknown keys are refused, so a misspelt field never passes silently.
 */
const handle = z.string().regex(HANDLE, 'must be a lowercase slug such as "selma-mini-bag"').max(200);
const code = z.string().regex(CODE, 'must be a lowercase code such as "colour"').max(64);
const names = z.record(z.string(), z.string().min(1).max(500));
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "1299.00"');

export const importLine = z.strictObject({
  brand: handle,
  handle,
  status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']).optional(),
  category: handle.nullable().optional(),
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  translations: z
    .record(z.string(), z.strictObject({ title: z.string().min(1).max(500).optional(), descriptionHtml: z.string().max(100_000).optional() }))
    .optional(),
  options: z
    .array(z.strictObject({ code, names: names.default({}), values: z.array(z.strictObject({ code, names: names.default({}) })).min(1).max(200) }))
    .max(10)
    .optional(),
  media: z
    .array(
      z.strictObject({
        url: z.url({ protocol: /^https?$/ }).max(2000),
        alt: names.default({}),
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
      }),
    )
    .max(100)
    .optional(),
  variants: z
    .array(
      z.strictObject({
        sku: z.string().regex(SKU, 'must be letters, digits and . _ - / (no spaces)').max(64),
        optionValues: z.record(z.string(), z.string()).default({}),
        barcode: z.string().min(1).max(64).nullable().optional(),
        weightGrams: z.number().int().min(0).max(1_000_000).nullable().optional(),
        prices: z.array(z.strictObject({ store: handle, amount: decimal, compareAtAmount: decimal.nullable().optional() })).max(200).optional(),
        inventory: z.array(z.strictObject({ store: handle, location: handle, onHand: z.number().int().min(0).max(10_000_000) })).max(200).optional(),
      }),
    )
    .max(500)
    .optional(),
  publish: z.array(handle).max(200).optional(),
  collections: z.array(handle).max(200).optional(),
});

export type ImportLine = z.infer<typeof importLine>;
