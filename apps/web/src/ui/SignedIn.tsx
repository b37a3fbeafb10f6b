import { Alert, Anchor } from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { Loading } from "./components/Loading";
import { Shell } from "./components/Shell";
import { useApi } from "./SessionContext";

const SecretsPage = lazy(() => import("./pages/secrets/SecretsPage"));
const FlagsPage = lazy(() => import("./pages/flags/FlagsPage"));
const ConfigPage = lazy(() => import("./pages/config/ConfigPage"));
const AuditPage = lazy(() => import("./pages/audit/AuditPage"));
const AppsPage = lazy(() => import("./pages/apps/AppsPage"));
const RotationPage = lazy(() => import("./pages/rotation/RotationPage"));
const TokensPage = lazy(() => import("./pages/tokens/TokensPage"));
const BlobsPage = lazy(() => import("./pages/blobs/BlobsPage"));
const WebhooksPage = lazy(() => import("./pages/webhooks/WebhooksPage"));

/** The shell and the page the location names. */
export default function SignedIn() {
  const { session } = useApi();
  const [location] = useLocation();
  const elsewhere = session.appId !== session.keyAppId && !location.startsWith("/apps");
  return (
    <Shell>
      {elsewhere && (
        <Alert color="blue" mb="md" title={`Viewing app ${session.appId} with an instance-admin key`}>
          An instance-admin key manages the apps and API keys of every app, but reads and writes the objects of its own
          app only, so the server refuses this page's calls for {session.appId}. To work in {session.appId}, create a
          key for it on{" "}
          <Anchor component={Link} href="/apps">
            Apps &amp; API keys
          </Anchor>{" "}
          and sign in with that key.
        </Alert>
      )}
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/secrets" nest component={SecretsPage} />
          <Route path="/flags" nest component={FlagsPage} />
          <Route path="/config" nest component={ConfigPage} />
          <Route path="/audit" component={AuditPage} />
          <Route path="/apps" component={AppsPage} />
          <Route path="/rotation" component={RotationPage} />
          <Route path="/tokens" component={TokensPage} />
          <Route path="/blobs" component={BlobsPage} />
          <Route path="/webhooks" component={WebhooksPage} />
          <Route>
            <Redirect to="/secrets" />
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
