import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { createApi, type VaultApi } from "./api";
import { clearSession, loadSession, type Session, saveSession } from "./session";

interface SessionState {
  session: Session | undefined;
  /** The typed API client, sending the session's key. */
  api: VaultApi;
  signIn(session: Session): void;
  signOut(): void;
  /** Show another app's pages (an instance admin only). */
  switchApp(appId: string): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(loadSession);
  const keyRef = useRef<string | undefined>(session?.apiKey);
  keyRef.current = session?.apiKey;
  const [api] = useState(() => createApi(() => keyRef.current));
  const signIn = useCallback((next: Session) => {
    keyRef.current = next.apiKey;
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(undefined);
  }, []);
  const switchApp = useCallback((appId: string) => {
    setSession((current) => {
      if (current === undefined || !current.instanceAdmin) return current;
      const next = { ...current, appId };
      saveSession(next);
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ session, api, signIn, signOut, switchApp }),
    [session, api, signIn, signOut, switchApp],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (state === undefined) throw new Error("useSessionState outside SessionProvider");
  return state;
}

/** The signed-in session (the pages behind sign-in only). */
export function useSession(): Session {
  const { session } = useSessionState();
  if (session === undefined) throw new Error("not signed in");
  return session;
}

/** The API client and the app the pages show. */
export function useApi(): { api: VaultApi; appId: string; session: Session } {
  const { api, session } = useSessionState();
  if (session === undefined) throw new Error("not signed in");
  return { api, appId: session.appId, session };
}
