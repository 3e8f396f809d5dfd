/**
 * A minimal reference simulation of the rules of Gleeson, Ward, O'Sullivan & Lee (PRL 112,
 * 048701, 2014), written apart from the engine: each user's screen holds the one meme it received
 * last; at each event one user, drawn uniformly, acts (so each acts at rate 1 per unit of time =
 * N events): with probability μ it tweets a new meme, which lands on its own screen and its
 * followers', otherwise it retweets the meme on its screen to its followers. A meme's popularity
 * is its number of tweets; it is final once no screen holds it.
 */
import type { SocialGraph } from '../../src/index.js';

/** Options of {@link gleesonModel}. */
export interface GleesonModelOptions {
  graph: SocialGraph;
  mu: number;
  /** Units of time (N events each) before memes are recorded: screens fill and settle. */
  warmup: number;
  /** Units of time during which new memes are recorded; the run goes on until all of them are final. */
  window: number;
  rand: () => number;
}

/** The final popularity of every meme created in the window. */
export function gleesonModel(o: GleesonModelOptions): number[] {
  const g = o.graph;
  const N = g.users;
  const screen = new Int32Array(N).fill(-1);
  const popularity: number[] = [];
  const holders: number[] = [];
  const recorded: boolean[] = [];
  let open = 0;
  const out: number[] = [];
  const place = (v: number, m: number) => {
    const old = screen[v];
    if (old === m) return;
    screen[v] = m;
    holders[m]++;
    if (old >= 0 && --holders[old] === 0 && recorded[old]) {
      out.push(popularity[old]);
      open--;
    }
  };
  const end = o.warmup + o.window;
  for (let event = 0; ; event++) {
    const t = event / N;
    if (t >= end && open === 0) return out;
    const u = Math.floor(o.rand() * N);
    if (o.rand() < o.mu) {
      const m = popularity.length;
      popularity.push(1);
      holders.push(0);
      const record = t >= o.warmup && t < end;
      recorded.push(record);
      if (record) open++;
      place(u, m);
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) place(g.followers[e], m);
    } else {
      const m = screen[u];
      if (m < 0) continue;
      popularity[m]++;
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) place(g.followers[e], m);
    }
  }
}
