import { describe, expect, it } from 'vitest';
import { createPostStore, MAX_POST_SLOTS, PB, PF, readPost, RECORD_SHIFT, reservePost, retireNow, serialAt, type PostStore } from '../src/content/posts.js';

/** Reserves a post at `step` and writes a few fields derived from its serial, held until `hold`. */
function add(s: PostStore, step: number, hold: number, evicted: number[]): number {
  const slot = reservePost(s, step, (old) => evicted.push(serialAt(s, old)));
  const r = slot << RECORD_SHIFT;
  const serial = s.words[r + PF.serial];
  s.words[r + PF.created] = step;
  s.words[r + PF.expires] = step;
  s.words[r + PF.account] = serial % 7;
  s.counts[r + PF.impressions] = serial * 3;
  s.floats[r + PF.quality] = (serial % 10) / 10;
  s.bytes[(r << 2) + PB.topic] = serial % 5;
  s.bytes[(r << 2) + PB.kind] = 2;
  s.appeal[slot] = 0.25;
  s.hold[slot] = hold;
  return slot;
}

describe('post store', () => {
  it('reads back each field of a post from its record', () => {
    const s = createPostStore(10);
    const slot = add(s, 3, 3, []);
    expect(readPost(s, slot)).toEqual({
      serial: 0, account: 0, authorUser: 0, topic: 0, kind: 2, cta: 0, notifies: false, quality: 0, appeal: 0.25,
      persona: 0, created: 3, expires: 3, impressions: 0, engagements: 0, focal: -1,
    });
    retireNow(s, slot, 1);
    expect([readPost(s, slot).expires, s.hold[slot]]).toEqual([1, 1]);
  });

  it('reuses slots of posts that are no longer held, and doubles (moving every record) when a held one is in the way', () => {
    const s = createPostStore(1); // 1,024 slots
    const evicted: number[] = [];
    // Step 0: 1,024 posts held until step 5; step 1: 1,024 more, held until step 1 only.
    for (let k = 0; k < 1024; k++) add(s, 0, 5, evicted);
    expect(s.mask + 1).toBe(1024);
    add(s, 1, 1, evicted); // serial 1,024 maps onto serial 0's slot, still held: the store doubles
    expect(s.mask + 1).toBe(2048);
    expect(evicted).toEqual([]);
    for (let serial = 0; serial <= 1024; serial++) {
      const p = readPost(s, serial & s.mask);
      expect([p.serial, p.account, p.impressions, p.topic, p.quality, p.appeal]).toEqual([serial, serial % 7, serial * 3, serial % 5, Math.fround((serial % 10) / 10), 0.25]);
    }
    // At step 6 serials 1,025 … 2,047 fill the new half; then the step-0 posts are no longer
    // held, so serials 2,048 … reuse their slots, evicting them in order.
    for (let k = 0; k < 1023 + 3; k++) add(s, 6, 6, evicted);
    expect(s.mask + 1).toBe(2048);
    expect(evicted).toEqual([0, 1, 2]);
  });

  it('refuses more slots than 32-bit byte offsets can address, naming what to lower', () => {
    expect(() => createPostStore(MAX_POST_SLOTS + 1)).toThrow(/more than 33,554,432 live posts at once — lower users, posting rates/);
  });
});
