import { createHash, hash } from "node:crypto";

function bench(name: string, fn: () => unknown, n = 100000) {
  for (let i = 0; i < 10000; i++) fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - t) / n;
  console.log(name.padEnd(30), ns.toFixed(0), "ns");
}
const prev = "ab".repeat(32);
const str = "x".repeat(420);
const a = () => createHash("sha256").update(Buffer.from(prev, "hex")).update(str, "utf8").digest("hex");
const b = () => {
  const buf = Buffer.allocUnsafe(32 + str.length * 3);
  buf.write(prev, 0, "hex");
  const n = buf.write(str, 32, "utf8");
  return hash("sha256", buf.subarray(0, 32 + n), "hex");
};
const scratch = Buffer.allocUnsafeSlow(64 * 1024);
const c = () => {
  scratch.write(prev, 0, "hex");
  const n = scratch.utf8Write(str, 32);
  return hash("sha256", scratch.subarray(0, 32 + n), "hex");
};
console.log(a() === b(), a() === c());
for (let k = 0; k < 2; k++) {
  bench("createHash", a);
  bench("alloc+hash", b);
  bench("scratch+hash", c);
}
