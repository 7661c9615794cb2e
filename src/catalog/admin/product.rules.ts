import type { ProductOptionData } from '../entities/translations.js';
import { CatalogErrorCode, catalogError, invalid } from './errors.js';

type Path = (string | number)[];

export interface VariantDraft {
  sku: string;
  optionValues: Record<string, string>;
}

/** Option codes unique in the product, value codes unique in their option, every option with a value. */
export function checkOptions(options: ProductOptionData[], path: Path): void {
  const codes = new Set<string>();
  options.forEach((option, i) => {
    if (codes.has(option.code)) throw invalid(`Option "${option.code}" is given twice`, [...path, i, 'code']);
    codes.add(option.code);
    if (option.values.length === 0) throw invalid(`Option "${option.code}" needs at least one value`, [...path, i, 'values']);
    const values = new Set<string>();
    option.values.forEach((value, j) => {
      if (values.has(value.code)) throw invalid(`Value "${value.code}" of option "${option.code}" is given twice`, [...path, i, 'values', j, 'code']);
      values.add(value.code);
    });
  });
}

/** The variant's option values as a stable key: two variants with the same key are the same article. */
export function combinationKey(options: ProductOptionData[], optionValues: Record<string, string>): string {
  return options.map((o) => `${o.code}=${optionValues[o.code]}`).join('&');
}

/**
 * Every variant names each option exactly once with a known value code, no two variants (the given
 * ones and the `kept` ones already on the product) share a combination, and SKUs are unique in the list.
 */
export function checkVariants(
  options: ProductOptionData[],
  variants: VariantDraft[],
  path: Path,
  kept: VariantDraft[] = [],
  keptPath: Path = path,
): void {
  const seen = new Map<string, string>();
  for (const variant of kept) {
    checkOptionValues(options, variant, keptPath, `Variant ${variant.sku} (already on the product)`);
    seen.set(combinationKey(options, variant.optionValues), variant.sku);
  }
  const skus = new Set<string>();
  variants.forEach((variant, i) => {
    if (skus.has(variant.sku)) throw invalid(`SKU ${variant.sku} is given twice`, [...path, i, 'sku']);
    skus.add(variant.sku);
    checkOptionValues(options, variant, [...path, i, 'optionValues'], `Variant ${variant.sku}`);
    const key = combinationKey(options, variant.optionValues);
    const other = seen.get(key);
    if (other !== undefined) {
      throw catalogError(
        CatalogErrorCode.DUPLICATE_VARIANT,
        `Variant ${variant.sku} has the same option values as ${other}${options.length ? '' : ' (a product without options has one variant)'}`,
        [...path, i, 'optionValues'],
      );
    }
    seen.set(key, variant.sku);
  });
}

function checkOptionValues(options: ProductOptionData[], variant: VariantDraft, path: Path, label: string) {
  for (const code of Object.keys(variant.optionValues)) {
    if (!options.some((o) => o.code === code)) throw invalid(`${label} names an unknown option "${code}"`, path);
  }
  for (const option of options) {
    const value = variant.optionValues[option.code];
    if (value === undefined) throw invalid(`${label} has no value for option "${option.code}"`, path);
    if (!option.values.some((v) => v.code === value)) {
      throw invalid(`${label}: "${value}" is not a value of option "${option.code}"`, path);
    }
  }
}

/** [{ option, value }] -> { option: value }; naming an option twice is refused. */
export function optionValueMap(pairs: { option: string; value: string }[], path: Path): Record<string, string> {
  const map: Record<string, string> = {};
  pairs.forEach((pair, i) => {
    if (pair.option in map) throw invalid(`Option "${pair.option}" is named twice`, [...path, i, 'option']);
    map[pair.option] = pair.value;
  });
  return map;
}
