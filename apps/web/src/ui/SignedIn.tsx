import { lazy, Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { Loading } from "./components/Loading";
import { Shell } from "./components/Shell";

const SecretsPage = lazy(() => import("./pages/secrets/SecretsPage"));
const FlagsPage = lazy(() => import("./pages/flags/FlagsPage"));
const ConfigPage = lazy(() => import("./pages/config/ConfigPage"));

/** The shell and the page the location names. */
export default function SignedIn() {
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/secrets" nest component={SecretsPage} />
          <Route path="/flags" nest component={FlagsPage} />
          <Route path="/config" nest component={ConfigPage} />
          <Route>
            <Redirect to="/secrets" />
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
