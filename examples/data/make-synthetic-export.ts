/**
 * Writes the SYNTHETIC analytics export of docs/calibration.md's worked example: an account of
 * the facebook preset simulated with known parameters (TRUTH below), 200 posts over 100 days (every
 * third a product post) in a 2,000-user world where it starts with 100 followers, written in
 * feedsim's own export schema with its daily follower counts. No real account is in it.
 *
 * Run: npx tsx examples/data/make-synthetic-export.ts   (rewrites the two CSV files beside it)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportCsv, followerCsv, syntheticExport } from '../../src/index.js';

/** The parameters the fit of the worked example should recover. */
export const TRUTH = {
  'feed.inNetworkReach': 0.2,
  'behavior.like.base': 0.03,
  'behavior.share.base': 0.003,
  'behavior.follow.base': 0.002,
  'behavior.convert.base': 0.012,
};

/** The synthetic export and its follower counts, exactly as the CSV files hold them. */
export function makeSyntheticExport() {
  return syntheticExport({ scenario: { extends: 'facebook' }, parameters: TRUTH, posts: 200, days: 100, users: 2000, followers: 100, seed: 7 }).export;
}

// Run as a script (not imported): rewrite the files.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const data = makeSyntheticExport();
  const dir = new URL('.', import.meta.url);
  writeFileSync(new URL('synthetic-export.csv', dir), exportCsv(data));
  writeFileSync(new URL('synthetic-followers.csv', dir), followerCsv(data.followers!));
  console.log(`wrote ${data.posts.length} posts and ${data.followers!.length} daily follower counts (synthetic)`);
}
