/**
 * Guesses which property of a boundary layer holds the area code (LSOA21CD, ward_code, pcd_district…)
 * and which its name (LSOA21NM, WARD_NAME…): the first property whose name looks right and whose
 * values are present in every feature; for the code, failing that, the first property whose values
 * are present and distinct in every feature. The analyst can always choose instead.
 */

const CODE_NAME = /(code|cd|_id|^id|^pcd|postcode|district|sector)$/i;
const NAME_NAME = /(name|nm|label)$/i;

function present(value: unknown): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

export function detectBoundaryFields(
  fields: readonly string[],
  properties: readonly Record<string, unknown>[],
): { codeField: string | null; nameField: string | null } {
  const complete = fields.filter((f) => properties.every((p) => present(p[f])));
  const distinct = complete.filter(
    (f) => new Set(properties.map((p) => String(p[f]).trim())).size === properties.length,
  );
  const codeField =
    distinct.find((f) => CODE_NAME.test(f)) ?? complete.find((f) => CODE_NAME.test(f)) ?? distinct[0] ?? null;
  const nameField = complete.find((f) => f !== codeField && NAME_NAME.test(f)) ?? null;
  return { codeField, nameField };
}
