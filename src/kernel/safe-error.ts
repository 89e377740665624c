/**
 * What of an unexpected error may be logged: its type, codes and stack frames. Never the
 * message of a failed query, which carries the query's parameters (names, identifiers).
 */
export function safeError(err: unknown) {
  const e = err as Error & { code?: string; cause?: { code?: string; constructor?: { name: string } } };
  return {
    type: e?.constructor?.name,
    code: e?.code ?? e?.cause?.code,
    cause: e?.cause?.constructor?.name,
    stack: e?.stack
      ?.split('\n')
      .filter((l) => l.trimStart().startsWith('at '))
      .slice(0, 8)
      .join('\n'),
  };
}
