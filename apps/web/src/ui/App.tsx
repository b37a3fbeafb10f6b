import { Suspense } from "react";
import { Router } from "wouter";
import { Loading } from "./components/Loading";
import { SignInPage } from "./pages/SignInPage";
import { SignedInShell } from "./routes";
import { SessionProvider, useSessionState } from "./SessionContext";

/** The whole UI under /ui: sign-in until a key is given, then the shell and its pages. */
export function App() {
  return (
    <SessionProvider>
      <Router base="/ui">
        <Gate />
      </Router>
    </SessionProvider>
  );
}

// Behind sign-in everything is loaded on demand (the shell with the page the address names, then each other page as
// its own chunk): the first page a person sees, the sign-in form, fetches React, the form's few components and
// nothing else.
function Gate() {
  const { session } = useSessionState();
  if (session === undefined) return <SignInPage />;
  return (
    <Suspense fallback={<Loading />}>
      <SignedInShell />
    </Suspense>
  );
}
