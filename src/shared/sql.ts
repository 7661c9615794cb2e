/**
 * MikroORM expands an array bound to `?` into a list of parameters (`?, ?, ?`); to bind one
 * PostgreSQL array instead, pass its text form and cast it (`= any(?::uuid[])`).
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
