import { isVaultError } from "@vault/core";
import { describe, expect, it } from "vitest";
import { UrlGuard } from "../src/index";

describe("the URL guard (SSRF)", () => {
  const strict = new UrlGuard();

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.100.100.200", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["198.18.0.1", "reserved"],
    ["::1", "loopback"],
    ["fd00:ec2::254", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:a00:1::1", "6to4"],
  ])("refuses %s (%s)", (address, range) => {
    expect(strict.refusal(address)).toContain(range);
  });

  it.each(["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])("allows public %s", (address) => {
    expect(strict.refusal(address)).toBeUndefined();
  });

  it("allows loopback only when configured, and allowlisted networks whatever their range", () => {
    const guard = new UrlGuard({ allowLoopback: true, allowedNetworks: ["10.20.0.0/16", "fd12::/16"] });
    expect(guard.refusal("127.0.0.1")).toBeUndefined();
    expect(guard.refusal("::1")).toBeUndefined();
    expect(guard.refusal("10.20.5.6")).toBeUndefined();
    expect(guard.refusal("fd12::1")).toBeUndefined();
    expect(guard.refusal("10.21.0.1")).toContain("private");
    expect(guard.refusal("169.254.169.254")).toContain("linkLocal");
    expect(() => new UrlGuard({ allowedNetworks: ["ten-dot"] })).toThrow('allowed network "ten-dot"');
  });

  it("checks URLs: scheme, credentials, IP literals, and names by what they resolve to", async () => {
    const refusedWith = async (url: string) => {
      try {
        await strict.checkUrl(url);
        return "accepted";
      } catch (error) {
        expect(isVaultError(error, "VALIDATION")).toBe(true);
        return (error as Error).message;
      }
    };
    expect(await refusedWith("http://10.0.0.1/hook")).toContain("10.0.0.1 is a private address");
    expect(await refusedWith("http://169.254.169.254/latest/meta-data")).toContain("linkLocal");
    expect(await refusedWith("http://[::1]:8080/x")).toContain("loopback");
    expect(await refusedWith("http://[::ffff:192.168.0.1]/x")).toContain("private");
    expect(await refusedWith("http://localhost:3000/x")).toContain("localhost resolves to");
    expect(await refusedWith("ftp://example.com/x")).toContain("must be http or https");
    expect(await refusedWith("not a url")).toContain("not a valid URL");
    expect(await refusedWith("https://user:pw@8.8.8.8/x")).toContain("credentials");
    expect(await refusedWith("https://8.8.8.8/x?token=abc")).toBe("accepted");
    // The error names the host, never the URL's path or query (receivers put tokens there).
    expect(await refusedWith("http://10.0.0.1/hook?token=canary-url-token")).not.toContain("canary");
    expect(await new UrlGuard({ allowLoopback: true }).checkUrl("http://localhost:3000/x")).toBeInstanceOf(URL);
  });

  it("refuses at connect time what a name resolves to now (DNS rebinding), through the lookup it gives the client", async () => {
    const lookup = (guard: UrlGuard) =>
      new Promise<string>((resolve) =>
        guard.lookup("localhost", { all: true }, (error, addresses) =>
          resolve(error ? `error: ${error.message}` : JSON.stringify(addresses)),
        ),
      );
    expect(await lookup(strict)).toContain("error: address refused: localhost resolves to");
    expect(await lookup(new UrlGuard({ allowLoopback: true }))).toContain("127.0.0.1");
  });
});
