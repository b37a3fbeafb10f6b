import { describe, expect, it } from "vitest";
import { checkedInClientTypes, renderClientTypes } from "../scripts/client-types";

// CI's check that @vault/client's generated types match the routes: a route changed without regenerating fails here.
describe("@vault/client's generated API types", () => {
  it("are what the server's OpenAPI document generates now (else run `pnpm generate:client`)", async () => {
    const rendered = await renderClientTypes();
    expect(rendered).toContain('"/v1/apps/{appId}/flags/{key}/evaluate"');
    expect(rendered === (await checkedInClientTypes()), "packages/client/src/generated/openapi.ts is stale").toBe(true);
  });
});
