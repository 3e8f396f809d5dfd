// The session kernel of session-kernel.c / session-kernel.mjs in AssemblyScript, compiled to
// WebAssembly by run.sh (npx -p assemblyscript@0.28.20 asc ... -O3 --runtime stub). Not
// TypeScript: excluded from the project's type-check.
const T: i32 = 8;
const POOL: i32 = 1024;
const P: i32 = 65536;
const MAXAGE: i32 = 72;

let x: u32 = 0, y: u32 = 0, z: u32 = 0, w: u32 = 0;
@inline function nextFloat(): f64 {
  const t = x ^ (x << 11);
  x = y; y = z; z = w;
  w ^= (w >> 19) ^ t ^ (t >> 8);
  return <f64>w / 4294967296.0;
}
@inline function chance(logit: f64): bool {
  const u = nextFloat(), v = -logit;
  if (v > 0 && u * (2 + v * (1 + v * (0.5 + v / 6))) >= 1 + 1e-12) return false;
  return u * (1 + Math.exp(v)) < 1;
}

let users: i32 = 0;
let interest = new StaticArray<f32>(0);
let interestSum = new StaticArray<f32>(0);
const pool = new StaticArray<i32>(8 * 1024);
const words = new StaticArray<i32>(65536 * 16);
const fresh = new StaticArray<f64>(73);
const cand = new StaticArray<i32>(64);
const score = new StaticArray<f64>(64);
const out = new StaticArray<i32>(64);
@inline function getFloat(i: i32): f32 { return load<f32>(changetype<usize>(words) + (<usize>i << 2)); }
@inline function setFloat(i: i32, v: f32): void { store<f32>(changetype<usize>(words) + (<usize>i << 2), v); }

export function setup(n: i32): void {
  users = n;
  interest = new StaticArray<f32>(users * T);
  interestSum = new StaticArray<f32>(users);
  x = 123456789; y = 362436069; z = 521288629; w = 88675123;
  for (let a = 0; a <= MAXAGE; a++) fresh[a] = Math.exp(-a * 0.35);
  for (let u = 0; u < users; u++) {
    let s: f32 = 0;
    for (let t = 0; t < T; t++) { const v = <f32>nextFloat(); interest[u * T + t] = v; s += v; }
    interestSum[u] = s;
  }
  for (let i = 0; i < T * POOL; i++) pool[i] = <i32>(nextFloat() * P);
  for (let p = 0; p < P; p++) {
    const r = p * 16;
    words[r] = p; words[r + 1] = 1000; words[r + 2] = 0; words[r + 3] = -1;
    words[r + 4] = <i32>(nextFloat() * MAXAGE); words[r + 5] = <i32>(nextFloat() * 20); words[r + 6] = 100 + <i32>(nextFloat() * 500);
    setFloat(r + 7, 0.02); setFloat(r + 10, -4); setFloat(r + 11, -6); setFloat(r + 12, -7.5);
  }
}

export function run(count: i32, parts: i32): i32 {
  let sum = 0;
  const t = MAXAGE;
  for (let s = 1; s <= count; s++) {
    const u = <i32>((<u32>s * 2654435761) % <u32>users), sid = s;
    let n = 0;
    x = <u32>s * 2654435761; y = 362436069; z = 521288629; w = 88675123 ^ <u32>u;
    for (let k = 0; k < 8; k++) nextFloat();
    for (let r = 0, got = 0; r < 40 && got < 20; r++) {
      let v = nextFloat() * <f64>unchecked(interestSum[u]);
      let topic = 0;
      while (topic < T - 1 && (v -= <f64>unchecked(interest[u * T + topic])) >= 0) topic++;
      const serial = unchecked(pool[topic * POOL + <i32>Math.floor(nextFloat() * POOL)]);
      const at = serial << 4;
      if (unchecked(words[at]) != serial || unchecked(words[at + 1]) < t || unchecked(words[at + 2]) == sid) continue;
      unchecked(words[at + 2] = sid); unchecked(cand[n++] = serial); got++;
    }
    if (parts < 2) { sum += n; continue; }
    let max: f64 = 0, total: f64 = 0;
    let len = 0;
    for (let i = 0; i < n; i++) {
      const r = unchecked(cand[i]) << 4;
      const rate = (<f64>unchecked(words[r + 5]) + 50 * <f64>getFloat(r + 7)) / (<f64>unchecked(words[r + 6]) + 50);
      const v = 0.5 * rate * unchecked(fresh[t - unchecked(words[r + 4])]);
      unchecked(score[i] = v);
      if (v > max) max = v;
    }
    for (let i = 0; i < n; i++) { const v = unchecked(score[i]) / max; unchecked(score[len] = v); unchecked(out[len++] = i); total += v; }
    let m = 0;
    while (m < 10 && m < len) {
      let v = nextFloat() * total;
      let p = m;
      while (p < len - 1 && (v -= unchecked(score[p])) >= 0) p++;
      const sp = unchecked(score[p]), id = unchecked(out[p]);
      unchecked(score[p] = unchecked(score[m])); unchecked(out[p] = unchecked(out[m])); unchecked(out[m++] = id); total -= sp;
    }
    if (parts < 3) { sum += unchecked(out[0]); continue; }
    for (let i = 0; i < m; i++) {
      const serial = unchecked(cand[unchecked(out[i])]), r = serial << 4;
      unchecked(words[r + 6]++);
      const match = 2 * <f64>unchecked(interest[u * T + (serial & 7)]) - 1;
      if (chance(<f64>getFloat(r + 10) + 3 * match)) { unchecked(words[r + 5]++); sum++; }
      if (chance(<f64>getFloat(r + 11) + 2 * match)) { unchecked(words[r + 5]++); sum += 2; }
      if (chance(<f64>getFloat(r + 12) + 2 * match)) sum += 3;
    }
  }
  return sum;
}
