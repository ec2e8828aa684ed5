export async function servicesBench(): Promise<Record<string, unknown>> {
  return { bench: 'services' };
}
