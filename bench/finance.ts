export async function financeBench(): Promise<Record<string, unknown>> {
  return {};
}
