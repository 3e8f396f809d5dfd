/**
 * The channels through which an impression reaches a user. Every impression records one.
 * @module
 */

/** Channel codes: in-network feed, out-of-network recommendation, notification, paid. */
export const CHANNEL = { network: 0, recommended: 1, notification: 2, paid: 3 } as const;

/** A channel's name, as written in output rows. */
export type ChannelName = keyof typeof CHANNEL;

/** Channel names by code. */
export const CHANNEL_NAMES: readonly ChannelName[] = ['network', 'recommended', 'notification', 'paid'];

/** Number of channels. */
export const CHANNELS = 4;
