/** Number inputs: '' while the user clears a field stays visible as '', and is sent as NaN → null. */
export const numberText = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '' : String(value);

export const requiredNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
