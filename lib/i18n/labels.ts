/** The label of each value of an enum, for a client component that gets its words as props. */
export function labelsOf<const K extends string>(
  values: readonly K[],
  label: (value: K) => string,
): Record<K, string> {
  return Object.fromEntries(values.map((v) => [v, label(v)])) as Record<K, string>;
}
