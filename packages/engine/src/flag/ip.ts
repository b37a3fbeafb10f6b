// IP addresses and CIDR ranges for the `cidr` operator. The engine has no dependencies and runs outside Node (so not
// node:net); this is the small, strict part of RFC 4291 / RFC 4632 it needs, checked against node:net's BlockList
// by a property test. An IPv4-mapped IPv6 address (::ffff:10.1.2.3) is the IPv4 address, as BlockList treats it.

/** An address as 32-bit words: one for IPv4, four for IPv6 (most significant first). */
export interface IpAddress {
  family: 4 | 6;
  words: Uint32Array;
}

/** A range: the first `prefix` bits of `words` (the rest are zero). */
export interface IpRange extends IpAddress {
  prefix: number;
}

const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIPv4Words(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    // No leading zeros: "010" is octal to some parsers and decimal to others.
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value >>> 0;
}

function parseIPv6Groups(text: string): number[] | undefined {
  if (text.length > 45 || text.includes("%")) return undefined; // zone ids name an interface, not an address
  let groups: string[];
  let tailWords: number[] = [];
  let body = text;
  // A dotted IPv4 tail (::ffff:1.2.3.4) fills the last two groups.
  const lastColon = body.lastIndexOf(":");
  if (lastColon !== -1 && body.indexOf(".", lastColon) !== -1) {
    const v4 = parseIPv4Words(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tailWords = [v4 >>> 16, v4 & 0xffff];
    body = `${body.slice(0, lastColon + 1)}`;
    // "::1.2.3.4" leaves "::"; "a:b::1.2.3.4" leaves "a:b::"; "a:b:c:d:e:f:1.2.3.4" leaves "…f:".
    if (body.endsWith(":") && !body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const split = (part: string) => (part === "" ? [] : part.split(":"));
  if (halves.length === 2) {
    const head = split(halves[0] as string);
    const tail = split(halves[1] as string);
    const missing = 8 - tailWords.length - head.length - tail.length;
    if (missing < 1) return undefined; // "::" stands for at least one group
    groups = [...head, ...Array.from({ length: missing }, () => "0"), ...tail];
  } else {
    groups = split(body);
    if (groups.length + tailWords.length !== 8) return undefined;
  }
  const out: number[] = [];
  for (const group of groups) {
    if (!HEX_GROUP.test(group)) return undefined;
    out.push(Number.parseInt(group, 16));
  }
  out.push(...tailWords);
  return out.length === 8 ? out : undefined;
}

function isMapped(groups: number[]): boolean {
  return groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
}

/** Parse an IPv4 or IPv6 address (no brackets, no zone id, no port); undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(":")) {
    const groups = parseIPv6Groups(text);
    if (!groups) return undefined;
    if (isMapped(groups)) {
      return { family: 4, words: Uint32Array.of((((groups[6] as number) << 16) | (groups[7] as number)) >>> 0) };
    }
    const words = new Uint32Array(4);
    for (let i = 0; i < 4; i++) words[i] = (((groups[2 * i] as number) << 16) | (groups[2 * i + 1] as number)) >>> 0;
    return { family: 6, words };
  }
  const v4 = parseIPv4Words(text);
  return v4 === undefined ? undefined : { family: 4, words: Uint32Array.of(v4) };
}

function maskWord(word: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return word >>> 0;
  return (word & (0xffffffff << (32 - bits))) >>> 0;
}

/**
 * Parse a CIDR range (`10.0.0.0/8`, `2001:db8::/32`) or a single address (a /32 or /128). Bits below the prefix are
 * ignored (`10.1.2.3/8` is `10.0.0.0/8`). An IPv4-mapped IPv6 range of /96 or longer is the IPv4 range.
 */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf("/");
  const addressText = slash === -1 ? text : text.slice(0, slash);
  let prefix: number | undefined;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    if (!/^(?:0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
  }
  if (addressText.includes(":")) {
    const groups = parseIPv6Groups(addressText);
    if (!groups) return undefined;
    const bits = prefix ?? 128;
    if (bits > 128) return undefined;
    if (isMapped(groups) && bits >= 96) {
      const v4 = (((groups[6] as number) << 16) | (groups[7] as number)) >>> 0;
      return { family: 4, words: Uint32Array.of(maskWord(v4, bits - 96)), prefix: bits - 96 };
    }
    const words = new Uint32Array(4);
    for (let i = 0; i < 4; i++) {
      const word = (((groups[2 * i] as number) << 16) | (groups[2 * i + 1] as number)) >>> 0;
      words[i] = maskWord(word, bits - 32 * i);
    }
    return { family: 6, words, prefix: bits };
  }
  const v4 = parseIPv4Words(addressText);
  const bits = prefix ?? 32;
  if (v4 === undefined || bits > 32) return undefined;
  return { family: 4, words: Uint32Array.of(maskWord(v4, bits)), prefix: bits };
}

/** True when `address` lies in `range` (same family; IPv4-mapped IPv6 addresses count as IPv4). */
export function inRange(address: IpAddress, range: IpRange): boolean {
  if (address.family !== range.family) return false;
  for (let i = 0; i < range.words.length; i++) {
    if (maskWord(address.words[i] as number, range.prefix - 32 * i) !== range.words[i]) return false;
  }
  return true;
}
