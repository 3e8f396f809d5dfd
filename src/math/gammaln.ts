import { log } from './log.js';

/*
 * ln Γ(n) by Lanczos' approximation (g = 607/128, 15 terms): the method and coefficients of
 * simple-statistics' gammaln (ISC), computed with feedsim's own log so it gives the same bits in
 * every engine (in Node 20, the same bits as simple-statistics).
 */
const COEFFICIENTS = [
  0.99999999999999709182, 57.156235665862923517, -59.59796035547549, 14.136097974741747174, -0.4919138160976202, 0.33994649984811888699e-4,
  0.46523628927048575665e-4, -9837447530487956e-20, 0.15808870322491248884e-3, -21026444172410488e-20, 0.2174396181152126432e-3,
  -1643181065367639e-19, 0.84418223983852743293e-4, -26190838401581408e-21, 0.36899182659531622704e-5,
];
const G = 607 / 128;
const LOG_SQRT_2PI = log(Math.sqrt(2 * Math.PI));

/** ln Γ(n) for n > 0 (Infinity for n ≤ 0). */
export function gammaln(n: number): number {
  if (n <= 0) return Infinity;
  const m = n - 1;
  let a = COEFFICIENTS[0];
  for (let i = 1; i < 15; i++) a += COEFFICIENTS[i] / (m + i);
  const t = G + 0.5 + m;
  return LOG_SQRT_2PI + log(a) - t + (m + 0.5) * log(t);
}
