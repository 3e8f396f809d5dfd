// The compute-bound core of a feed session in JavaScript, written as the engine writes its hot
// loop (typed arrays, an xor128 state object as in src/rng.ts); session-kernel.c is the same
// kernel in C and session-kernel.as.ts in AssemblyScript (WebAssembly). See bench/kernel/run.sh.
//
//   node bench/kernel/session-kernel.mjs USERS SESSIONS PARTS   (PARTS: 1 gather, 2 + select, 3 + decide)
const T = 8, POOL = 1024, P = 65536, MAXAGE = 72;
const users = Number(process.argv[2] ?? 2000), sessions = Number(process.argv[3] ?? 1e6), parts = Number(process.argv[4] ?? 3);

function nextFloat(s) {
  const t = s.x ^ (s.x << 11);
  s.x = s.y; s.y = s.z; s.z = s.w;
  s.w ^= (s.w >>> 19) ^ t ^ (t >>> 8);
  return (s.w >>> 0) / 4294967296;
}
function chance(s, logit) {
  const u = nextFloat(s), v = -logit;
  if (v > 0 && u * (2 + v * (1 + v * (0.5 + v / 6))) >= 1 + 1e-12) return false;
  return u * (1 + Math.exp(v)) < 1;
}

const interest = new Float32Array(users * T), interestSum = new Float32Array(users), pool = new Int32Array(T * POOL);
const buffer = new ArrayBuffer(4 * P * 16), words = new Int32Array(buffer), floats = new Float32Array(buffer);
const fresh = new Float64Array(MAXAGE + 1);
const cand = new Int32Array(64), score = new Float64Array(64), out = new Int32Array(64);

function setup() {
  const g = { x: 123456789, y: 362436069, z: 521288629, w: 88675123 };
  for (let a = 0; a <= MAXAGE; a++) fresh[a] = Math.exp(-a * 0.35);
  for (let u = 0; u < users; u++) {
    let s = 0;
    for (let t = 0; t < T; t++) { const v = Math.fround(nextFloat(g)); interest[u * T + t] = v; s = Math.fround(s + v); }
    interestSum[u] = s;
  }
  for (let i = 0; i < T * POOL; i++) pool[i] = Math.floor(nextFloat(g) * P);
  for (let p = 0; p < P; p++) {
    const r = p * 16;
    words[r] = p; words[r + 1] = 1000; words[r + 2] = 0; words[r + 3] = -1;
    words[r + 4] = Math.floor(nextFloat(g) * MAXAGE); words[r + 5] = Math.floor(nextFloat(g) * 20); words[r + 6] = 100 + Math.floor(nextFloat(g) * 500);
    floats[r + 7] = 0.02; floats[r + 10] = -4; floats[r + 11] = -6; floats[r + 12] = -7.5;
  }
}

function run(count) {
  let sum = 0;
  const t = MAXAGE, g = { x: 0, y: 0, z: 0, w: 0 };
  for (let s = 1; s <= count; s++) {
    const u = (Math.imul(s, 2654435761 | 0) >>> 0) % users, sid = s;
    let n = 0;
    g.x = Math.imul(s, 2654435761 | 0); g.y = 362436069; g.z = 521288629; g.w = 88675123 ^ u;
    for (let k = 0; k < 8; k++) nextFloat(g);
    for (let r = 0, got = 0; r < 40 && got < 20; r++) {
      let v = nextFloat(g) * interestSum[u];
      let topic = 0;
      while (topic < T - 1 && (v -= interest[u * T + topic]) >= 0) topic++;
      const serial = pool[topic * POOL + Math.floor(nextFloat(g) * POOL)];
      const at = serial << 4;
      if (words[at] !== serial || words[at + 1] < t || words[at + 2] === sid) continue;
      words[at + 2] = sid; cand[n++] = serial; got++;
    }
    if (parts < 2) { sum += n; continue; }
    let max = 0, total = 0, len = 0;
    for (let i = 0; i < n; i++) {
      const r = cand[i] << 4;
      const rate = (words[r + 5] + 50 * floats[r + 7]) / (words[r + 6] + 50);
      score[i] = 0.5 * rate * fresh[t - words[r + 4]];
      if (score[i] > max) max = score[i];
    }
    for (let i = 0; i < n; i++) { const v = score[i] / max; score[len] = v; out[len++] = i; total += v; }
    let m = 0;
    while (m < 10 && m < len) {
      let v = nextFloat(g) * total;
      let p = m;
      while (p < len - 1 && (v -= score[p]) >= 0) p++;
      const sp = score[p], id = out[p];
      score[p] = score[m]; out[p] = out[m]; out[m++] = id; total -= sp;
    }
    if (parts < 3) { sum += out[0]; continue; }
    for (let i = 0; i < m; i++) {
      const serial = cand[out[i]], r = serial << 4;
      words[r + 6]++;
      const match = 2 * interest[u * T + (serial & 7)] - 1;
      if (chance(g, floats[r + 10] + 3 * match)) { words[r + 5]++; sum++; }
      if (chance(g, floats[r + 11] + 2 * match)) { words[r + 5]++; sum += 2; }
      if (chance(g, floats[r + 12] + 2 * match)) sum += 3;
    }
  }
  return sum;
}

setup();
run(50000);
setup();
const t0 = process.hrtime.bigint();
const sum = run(sessions);
const ns = Number(process.hrtime.bigint() - t0) / sessions;
console.log(`JavaScript ${parts}: ${ns.toFixed(0)} ns/session (checksum ${sum})`);
