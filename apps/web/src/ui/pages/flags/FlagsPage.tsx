import { Route, Switch } from "wouter";
import { FlagDetail } from "./FlagDetail";
import { FlagList } from "./FlagList";

/** Flags: the list (/flags) and one flag (/flags/:key). */
export default function FlagsPage() {
  return (
    <Switch>
      <Route path="/" component={FlagList} />
      <Route path="/:key">{(params) => <FlagDetail keySegment={params.key} />}</Route>
    </Switch>
  );
}
