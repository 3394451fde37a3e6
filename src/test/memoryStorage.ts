/** A working in-memory Storage that counts its writes (to see when code avoids rewriting). */
export function memoryStorage(initial: Record<string, string> = {}): Storage & { writes: number } {
  const items = new Map(Object.entries(initial));
  const storage = {
    writes: 0,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key: string) => items.get(key) ?? null,
    key: (index: number) => [...items.keys()][index] ?? null,
    removeItem: (key: string) => void items.delete(key),
    setItem: (key: string, value: string) => {
      storage.writes += 1;
      items.set(key, String(value));
    },
  };
  return storage;
}
