import { Length } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CatalogErrorCode } from '../errors.js';
import { payloadType } from './common.js';

@InputType()
export class CatalogImportInput {
  @Field({
    description:
      'JSON Lines, one product per line: { brand, handle, status, category, tags, translations: { "<locale>": { title, descriptionHtml } }, ' +
      'options: [{ code, names, values: [{ code, names }] }], media: [{ url, alt }], variants: [{ sku, optionValues: { <option>: <value> }, ' +
      'barcode, weightGrams, prices: [{ store, amount, compareAtAmount }], inventory: [{ store, location, onHand }] }], publish: [store], collections: [handle] }. ' +
      'Upserts by product handle and variant SKU; publish and collections add, never remove.',
  })
  @Length(0, 50_000_000)
  jsonl!: string;

  @Field({ defaultValue: false, description: 'Check every line and report, without writing anything.' })
  dryRun!: boolean;
}

@ObjectType({ description: 'Why one line of an import was refused; nothing of that line was written.' })
export class CatalogImportLineError {
  @Field(() => Int, { description: '1-based line number in the file.' }) line!: number;
  @Field(() => CatalogErrorCode) code!: string;
  @Field(() => [String], { description: 'Path inside the line, e.g. ["variants", "2", "sku"].' }) field!: string[];
  @Field() message!: string;
}

@ObjectType()
export class CatalogImportResult {
  @Field(() => Int, { description: 'Non-blank lines read.' }) lines!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) failed!: number;
  @Field() dryRun!: boolean;
  @Field(() => [CatalogImportLineError]) errors!: CatalogImportLineError[];
}

export const CatalogImportPayload = payloadType('CatalogImportPayload', { result: () => CatalogImportResult });
