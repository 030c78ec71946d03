/**
 * What paces a platform's outgoing messages: the in-process SendThrottle for one instance, or the
 * SharedRateGate (src/cluster) when several instances share a store and so one bot's limits.
 */
export interface SendGate {
  /** Resolves when a message to `chatId` may be sent now. */
  acquire(chatId: string, isGroup: boolean): Promise<void>;
  /** The platform said "retry after": nothing more goes to that chat for `ms`. */
  pauseChat(chatId: string, ms: number): void;
}
