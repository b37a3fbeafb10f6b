/**
 * The signed-in session: the API key and the app it acts on. Kept in sessionStorage only — gone when the tab closes,
 * never in localStorage, a cookie or a URL — so that a key typed into one tab is not left behind on the machine.
 */
export interface Session {
  apiKey: string;
  /** The key's own app. */
  keyAppId: string;
  scopes: string[];
  instanceAdmin: boolean;
  /** The app the pages show (an instance admin may switch; everyone else stays on the key's app). */
  appId: string;
}

const STORAGE_KEY = "vault.session";

export function loadSession(): Session | undefined {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (text === null) return undefined;
  try {
    const parsed = JSON.parse(text) as Session;
    return typeof parsed.apiKey === "string" && typeof parsed.appId === "string" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** True when the session's key may do what `scope` allows (`admin` implies every scope, as on the server). */
export function can(session: Session, scope: string): boolean {
  return session.scopes.includes("admin") || session.scopes.includes(scope);
}
