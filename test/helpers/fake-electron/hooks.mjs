/** Module loader hooks (module.register): the bare specifier `electron` resolves to the fake. */
const FAKE = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: FAKE, shortCircuit: true };
  return nextResolve(specifier, context);
}
