/*
 * The compute-bound core of a feed session, in C, to compare with the same kernel in JavaScript
 * (session-kernel.mjs) and WebAssembly (session-kernel.as.ts): gather 20 recommendations (topic
 * in proportion to interest, a pool entry, the post record's checks), score them (smoothed
 * engagement rate x freshness), draw 10 without replacement in proportion to score, and decide
 * like / share / follow on each with a logistic draw. Same data, same xor128 draws, same order.
 *
 *   gcc -O2 -o session-kernel session-kernel.c -lm && ./session-kernel USERS SESSIONS PARTS
 *
 * PARTS: 1 gathering only, 2 with selection, 3 with decisions. See bench/kernel/run.sh.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#define T 8
#define POOL 1024
#define P 65536
#define MAXAGE 72

static uint32_t x, y, z, w;
static inline double next_float(void) {
  uint32_t t = x ^ (x << 11);
  x = y; y = z; z = w;
  w ^= (w >> 19) ^ t ^ (t >> 8);
  return w / 4294967296.0;
}
static inline int chance(double logit) {
  double u = next_float(), v = -logit;
  if (v > 0 && u * (2 + v * (1 + v * (0.5 + v / 6))) >= 1 + 1e-12) return 0;
  return u * (1 + exp(v)) < 1;
}

static float *interest, *interest_sum;
static int32_t pool[T * POOL];
static int32_t words[P * 16];
static float *floats = (float *)words;
static double fresh[MAXAGE + 1];

static void setup(int users) {
  x = 123456789; y = 362436069; z = 521288629; w = 88675123;
  for (int a = 0; a <= MAXAGE; a++) fresh[a] = exp(-a * 0.35);
  for (int u = 0; u < users; u++) {
    float s = 0;
    for (int t = 0; t < T; t++) { float v = (float)next_float(); interest[u * T + t] = v; s += v; }
    interest_sum[u] = s;
  }
  for (int i = 0; i < T * POOL; i++) pool[i] = (int32_t)(next_float() * P);
  for (int p = 0; p < P; p++) {
    int32_t *r = words + p * 16;
    r[0] = p; r[1] = 1000; r[2] = 0; r[3] = -1;
    r[4] = (int32_t)(next_float() * MAXAGE); r[5] = (int32_t)(next_float() * 20); r[6] = 100 + (int32_t)(next_float() * 500);
    floats[p * 16 + 7] = 0.02f; floats[p * 16 + 10] = -4.0f; floats[p * 16 + 11] = -6.0f; floats[p * 16 + 12] = -7.5f;
  }
}

static long run(int users, long sessions, int parts) {
  int cand[64], out[64];
  double score[64];
  long sum = 0;
  const int t = MAXAGE;
  for (long s = 1; s <= sessions; s++) {
    int u = (int)(((uint32_t)s * 2654435761u) % (uint32_t)users), n = 0, sid = (int)s;
    x = (uint32_t)s * 2654435761u; y = 362436069; z = 521288629; w = 88675123 ^ (uint32_t)u;
    for (int k = 0; k < 8; k++) next_float();
    for (int r = 0, got = 0; r < 40 && got < 20; r++) {
      double v = next_float() * interest_sum[u];
      int topic = 0;
      while (topic < T - 1 && (v -= interest[u * T + topic]) >= 0) topic++;
      int serial = pool[topic * POOL + (int)floor(next_float() * POOL)];
      int32_t *rec = words + serial * 16;
      if (rec[0] != serial || rec[1] < t || rec[2] == sid) continue;
      rec[2] = sid; cand[n++] = serial; got++;
    }
    if (parts < 2) { sum += n; continue; }
    double max = 0, total = 0;
    for (int i = 0; i < n; i++) {
      int32_t *rec = words + cand[i] * 16;
      double rate = (rec[5] + 50.0 * floats[cand[i] * 16 + 7]) / (rec[6] + 50.0);
      score[i] = 0.5 * rate * fresh[t - rec[4]];
      if (score[i] > max) max = score[i];
    }
    int len = 0;
    for (int i = 0; i < n; i++) { double v = score[i] / max; score[len] = v; out[len++] = i; total += v; }
    int m = 0;
    while (m < 10 && m < len) {
      double v = next_float() * total;
      int p = m;
      while (p < len - 1 && (v -= score[p]) >= 0) p++;
      double sp = score[p]; int id = out[p];
      score[p] = score[m]; out[p] = out[m]; out[m++] = id; total -= sp;
    }
    if (parts < 3) { sum += out[0]; continue; }
    for (int i = 0; i < m; i++) {
      int serial = cand[out[i]];
      int32_t *rec = words + serial * 16;
      float *f = floats + serial * 16;
      rec[6]++;
      double match = 2 * interest[u * T + (serial & 7)] - 1;
      if (chance(f[10] + 3 * match)) { rec[5]++; sum++; }
      if (chance(f[11] + 2 * match)) { rec[5]++; sum += 2; }
      if (chance(f[12] + 2 * match)) sum += 3;
    }
  }
  return sum;
}

int main(int argc, char **argv) {
  int users = argc > 1 ? atoi(argv[1]) : 2000;
  long sessions = argc > 2 ? atol(argv[2]) : 1000000;
  int parts = argc > 3 ? atoi(argv[3]) : 3;
  interest = malloc(sizeof(float) * users * T);
  interest_sum = malloc(sizeof(float) * users);
  setup(users);
  run(users, 50000, parts);
  setup(users);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  long sum = run(users, sessions, parts);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double sec = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
  printf("C %d: %.0f ns/session (checksum %ld)\n", parts, sec * 1e9 / sessions, sum);
  return 0;
}
