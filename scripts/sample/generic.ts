/** Shape of the language-wide fragments (greetings, emotion lines, agent templates, call turns). */
import type { Tone } from './scenario.ts';

export interface GenericText {
  greetFormal: string[];
  greetCasual: string[];
  /** Emotion lines per tone; may use {topic}, {days}, {n}. */
  tone: Record<Tone, string[]>;
  /** Repeat-contact lines ({n} = how many times). */
  repeat: string[];
  /** Long-standing customer lines ({years}). */
  loyalty: string[];
  /** Business impact for Pro customers ({company}). */
  proImpact: string[];
  /** Explicit intent to leave. */
  churn: string[];
  /** Threat of public escalation or the ombudsman. */
  escalate: string[];
  /** Opening of a follow-up message on an unresolved thread ({topic}, {days}). */
  followup: string[];
  /** Mixed feelings: praise for a person, complaint about the outcome. */
  mixed: string[];
  signoffFormal: string[];
  signoffCasual: string[];
  emoji: string[];
  agentGreet: string[];
  agentSign: string[];
  /** Copy-paste templates reused verbatim across customers (deliberately canned). */
  canned: string[];
  plainClose: string[];
  defensiveClose: string[];
  warmClose: string[];
  /** Personal opening of a warm reply to a complaint. */
  warmOpen: string[];
  /** Warm follow-up on a thread: progress with an owner and a deadline. */
  warmProgress: string[];
  /** Agent follow-up on an unresolved thread. */
  agentChase: string[];
  callOpen: string[];
  callVerify: string[];
  callGiveId: string[];
  callCheck: string[];
  callAgree: string[];
  callUnhappy: string[];
  callBye: string[];
  callByeUnhappy: string[];
  callCustomerBye: string[];
  /** Chat openers from the bot/agent. */
  chatHello: string[];
  /** Public reply to a social post that moves the customer to private messages. */
  socialDeflect: string[];
  /** In-chat pushback when the answer does not help. */
  chatPushback: string[];
  /** In-chat thanks when the answer helps. */
  chatThanks: string[];
}
