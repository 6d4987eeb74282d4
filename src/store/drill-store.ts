import type { DrillAttempt, DrillMode, DrillSource } from '../act/drills/drill-types.ts';

/** The figures behind "drill participation last month" (see DrillStore.drillPeople). */
export interface DrillPeople {
  agents: string[];
  participants: string[];
  everDrilled: boolean;
}

/** An attempt to store: the validated input with the week and the scores it got. */
export interface NewDrillAttempt {
  week: string;
  messageId: string;
  participant: string;
  team: string | null;
  mode: DrillMode;
  emotions: readonly string[];
  needs: readonly string[];
  reply: string;
  readingScore: number;
  replyScore: number;
}

/**
 * The Store's part for empathy drills (migration 010). Attempts are appended; they go with the message
 * they answer when it is erased, its import undone or its conversation retired. Nothing here bumps the
 * data version: insights do not read drills.
 */
export interface DrillStore {
  /** Stores an attempt; NotFoundError when its message is not (or no longer) stored. */
  saveDrillAttempt(workspaceId: string, attempt: NewDrillAttempt): Promise<DrillAttempt>;
  /** Attempts, oldest first; `since` and `mode` narrow them. */
  listDrillAttempts(workspaceId: string, opts?: { since?: Date; mode?: DrillMode }): Promise<DrillAttempt[]>;
  /**
   * The analysed customer message a drill is built from; NotFoundError for an unknown message,
   * InputError for an agent's message or one not analysed yet.
   */
  drillSource(workspaceId: string, messageId: string): Promise<DrillSource>;
  /**
   * Who could have drilled since `since` and who did: the distinct agents of messages sent since then,
   * the distinct participants of team drills since then, and whether the workspace ever drilled.
   */
  drillPeople(workspaceId: string, since: Date): Promise<DrillPeople>;
}
