import { Route, Switch } from "wouter";
import { SecretDetail } from "./SecretDetail";
import { SecretList } from "./SecretList";

/** Secrets: the list (/secrets) and one secret (/secrets/:key). */
export default function SecretsPage() {
  return (
    <Switch>
      <Route path="/" component={SecretList} />
      <Route path="/:key">{(params) => <SecretDetail keySegment={params.key} />}</Route>
    </Switch>
  );
}
