import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { VaultApi } from "./api";
import { clearSession, loadSession, type Session, saveSession } from "./session";

interface SessionState {
  session: Session | undefined;
  signIn(session: Session): void;
  signOut(): void;
  /** Show another app's pages (an instance admin only). */
  switchApp(appId: string): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/**
 * The typed API client, provided behind sign-in (SignedIn.tsx) so that the client is not part of the sign-in page's
 * first load.
 */
export const ApiContext = createContext<VaultApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(loadSession);
  const signIn = useCallback((next: Session) => {
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
  const value = useMemo(() => ({ session, signIn, signOut, switchApp }), [session, signIn, signOut, switchApp]);
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

/** The API client and the app the pages show (the pages behind sign-in only). */
export function useApi(): { api: VaultApi; appId: string; session: Session } {
  const session = useSession();
  const api = useContext(ApiContext);
  if (api === undefined) throw new Error("useApi outside SignedIn");
  return { api, appId: session.appId, session };
}
