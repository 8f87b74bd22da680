/**
 * Lever settings kept in the browser's local storage per model, so a reload (or a closed tab)
 * does not lose unsaved work. Storage may be full or disabled: then nothing is kept, silently.
 */
const key = (modelId: string) => `igem.settings.${modelId}`;

export function storeSettings(modelId: string, settings: Readonly<Record<string, number>>): void {
  try {
    if (Object.keys(settings).length === 0) localStorage.removeItem(key(modelId));
    else localStorage.setItem(key(modelId), JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the URL still carries the settings.
  }
}

/** The stored settings, finite numbers only; {} when none or unreadable. */
export function storedSettings(modelId: string): Record<string, number> {
  try {
    const raw = localStorage.getItem(key(modelId));
    if (!raw) return {};
    const obj: unknown = JSON.parse(raw);
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return {};
    return Object.fromEntries(Object.entries(obj).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
  } catch {
    return {};
  }
}
