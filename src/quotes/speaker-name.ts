/** Case- and accent-insensitive form of a name, used as the speaker's key: "José  Pérez" → "jose perez". */
export function speakerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
