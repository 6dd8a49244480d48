import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../lib/api-client.js';

interface StoredSession {
  token: string;
  email: string;
  expiresAt: string;
}

interface SessionContextValue {
  session: StoredSession | null;
  client: ApiClient;
  /** Why the user was signed out, shown once on the sign-in page. */
  notice: string | null;
  signIn: (email: string, password: string) => Promise<void>;
  register: (email: string, password: string) => Promise<void>;
  signOut: (notice?: string) => void;
}

const STORAGE_KEY = 'trainyard.session';
const SessionContext = createContext<SessionContextValue | null>(null);

function readStoredSession(): StoredSession | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
    return stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

/** The signed-in user's token, kept in localStorage so a reload stays signed in until the token expires. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(readStoredSession);
  const [notice, setNotice] = useState<string | null>(null);
  // The client reads the token through a ref so it can be created once and still see sign-ins.
  const tokenRef = useRef(session?.token ?? null);

  const value = useMemo<SessionContextValue>(() => {
    const store = (next: StoredSession | null) => {
      tokenRef.current = next?.token ?? null;
      if (next) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      else window.localStorage.removeItem(STORAGE_KEY);
      setSession(next);
    };
    const signOut = (why?: string) => {
      store(null);
      setNotice(why ?? null);
    };
    const client = new ApiClient({
      token: () => tokenRef.current,
      onUnauthorized: () => signOut('Your session has ended. Please sign in again.'),
    });
    const signIn = async (email: string, password: string) => {
      const token = await client.signIn(email, password);
      setNotice(null);
      store({ token: token.access_token, email, expiresAt: token.expires_at });
    };
    return {
      session,
      client,
      notice,
      signIn,
      register: async (email, password) => {
        await client.register(email, password);
        await signIn(email, password);
      },
      signOut,
    };
  }, [session, notice]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The API client of the signed-in user. */
export function useApi(): ApiClient {
  return useSession().client;
}
