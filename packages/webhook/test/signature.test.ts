import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, signatureHeader, webhookHeaders } from "../src/index";

describe("Standard Webhooks signatures", () => {
  it("secrets are whsec_ and 32 random bytes in base64, different every time", () => {
    const a = generateSigningSecret();
    const b = generateSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it("the standardwebhooks library verifies what we sign, and refuses a changed body, id or timestamp", () => {
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: "secret.set", timestamp: "2026-01-01T00:00:00.000Z", data: { key: "k" } });
    const headers = webhookHeaders([secret], "evt_01", new Date(), body);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const wh = new Webhook(secret);
    expect(wh.verify(body, headers)).toMatchObject({ type: "secret.set" });
    expect(() => wh.verify(`${body} `, headers)).toThrow("No matching signature");
    expect(() => wh.verify(body, { ...headers, "webhook-id": "evt_02" })).toThrow("No matching signature");
    const ts = String(Number(headers["webhook-timestamp"]) + 1);
    expect(() => wh.verify(body, { ...headers, "webhook-timestamp": ts })).toThrow("No matching signature");
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow("No matching signature");
  });

  it("signs with every active secret, space-separated: a receiver on either secret verifies (rotation overlap)", () => {
    const [current, previous] = [generateSigningSecret(), generateSigningSecret()];
    const body = '{"type":"flag.updated"}';
    const headers = webhookHeaders([current, previous], "evt_9", new Date(), body);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(current).verify(body, headers)).toEqual({ type: "flag.updated" });
    expect(new Webhook(previous).verify(body, headers)).toEqual({ type: "flag.updated" });
  });

  it("the signed content is `<id>.<seconds>.<body>`, as the library signs it", () => {
    const secret = generateSigningSecret();
    const at = new Date("2026-02-03T04:05:06.789Z");
    const expected = new Webhook(secret).sign("evt_x", at, "{}");
    expect(signatureHeader([secret], "evt_x", Math.floor(at.getTime() / 1000), "{}")).toBe(expected);
    expect(webhookHeaders([secret], "evt_x", at, "{}")["webhook-timestamp"]).toBe("1770091506");
  });
});
