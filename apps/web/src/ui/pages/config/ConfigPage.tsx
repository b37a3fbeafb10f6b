import { Route, Switch } from "wouter";
import { ConfigDetail } from "./ConfigDetail";
import { ConfigList } from "./ConfigList";

/** Config: the entries and the resolved view (/config) and one entry (/config/:key). */
export default function ConfigPage() {
  return (
    <Switch>
      <Route path="/" component={ConfigList} />
      <Route path="/:key">{(params) => <ConfigDetail keySegment={params.key} />}</Route>
    </Switch>
  );
}
