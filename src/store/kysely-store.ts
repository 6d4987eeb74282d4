import { Migrator, type Kysely } from 'kysely';
import { StoreError } from '../core/errors.ts';
import type { FactFilter } from '../core/facts.ts';
import type { FactWatermark } from '../core/fact-delta.ts';
import type { Clock } from '../core/ports.ts';
import type { Store } from './store.ts';
import * as analysis from './analysis-writer.ts';
import * as analysisJobs from './analysis-job-queries.ts';
import * as accounts from './account-queries.ts';
import * as cases from './case-open-queries.ts';
import * as caseReads from './case-read-queries.ts';
import * as caseUpdates from './case-update-queries.ts';
import * as rootCauses from './root-cause-queries.ts';
import * as assessments from './assessment-queries.ts';
import { listAudit } from './audit-queries.ts';
import { eraseCustomer } from './erase-queries.ts';
import * as importLog from './import-log-queries.ts';
import { undoImport } from './import-undo-queries.ts';
import { applyRetention } from './retention-queries.ts';
import { counts } from './count-queries.ts';
import { latestActivity } from './activity-queries.ts';
import { writeConversations } from './conversation-writer.ts';
import * as corrections from './correction-queries.ts';
import * as drills from './drill-queries.ts';
import type { Database } from './db-types.ts';
import type { DialectAdapter } from './dialect.ts';
import { writeEmployeeAnswers } from './employee-writer.ts';
import * as facts from './fact-queries.ts';
import * as factDeltas from './fact-delta-queries.ts';
import * as imports from './import-queries.ts';
import * as listening from './listening-queries.ts';
import { migrationProvider } from './migrations/index.ts';
import * as outbox from './outbox-queries.ts';
import * as alerts from './alert-writer.ts';
import * as rules from './rule-queries.ts';
import * as rulesPending from './rules-pending-queries.ts';
import * as workspaces from './workspace-queries.ts';
import * as directory from './workspace-directory-queries.ts';
import { pseudonymSecret } from './installation-secret-queries.ts';

/** The Store over Kysely: a thin façade that hands its connection, dialect adapter and clock to the queries. */
export class KyselyStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
    private readonly clock: Clock,
  ) {
    this.dialect = adapter.kind;
  }

  async migrate(): Promise<void> {
    const migrationTableSchema = await this.adapter.prepareNamespace(this.db);
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.adapter), migrationTableSchema });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreError(`Database migration "${failed}" failed: ${reason}. Fix the database (or restore a backup) and start again.`);
    }
  }

  close() { return this.adapter.close(this.db); }
  pseudonymSecret() { return pseudonymSecret(this.db, this.clock); }

  ensureWorkspace(id: string, name?: string) { return workspaces.ensureWorkspace(this.db, this.clock, id, name); }
  listWorkspaces() { return directory.listWorkspaces(this.db); }
  workspacesOfUser(userId: string) { return directory.workspacesOfUser(this.db, userId); }
  updateWorkspaceSettings(id: string, settings: Parameters<Store['updateWorkspaceSettings']>[1]) {
    return workspaces.updateWorkspaceSettings(this.db, id, settings);
  }
  ensureSource(workspaceId: string, name: string, kind: string) {
    return workspaces.ensureSource(this.db, this.clock, workspaceId, name, kind);
  }

  writeConversations(workspaceId: string, sourceId: string, batch: Parameters<Store['writeConversations']>[2], importId?: string) {
    return writeConversations(this.db, this.adapter, this.clock, workspaceId, sourceId, batch, importId);
  }
  writeEmployeeAnswers(workspaceId: string, sourceId: string, batch: Parameters<Store['writeEmployeeAnswers']>[2], importId?: string) {
    return writeEmployeeAnswers(this.db, this.adapter, this.clock, workspaceId, sourceId, batch, importId);
  }

  findImport(workspaceId: string, sha256: string) { return imports.findImport(this.db, workspaceId, sha256); }
  recordImport(workspaceId: string, sourceId: string, file: Parameters<Store['recordImport']>[2]) {
    return imports.recordImport(this.db, this.clock, workspaceId, sourceId, file);
  }
  storedElsewhere(workspaceId: string, sourceId: string, externalIds: string[]) {
    return imports.storedElsewhere(this.db, this.adapter, workspaceId, sourceId, externalIds);
  }

  pendingAnalysis(workspaceId: string, modelVersion: string, limit: number) {
    return analysis.pendingAnalysis(this.db, workspaceId, modelVersion, limit);
  }
  saveAnalyses(workspaceId: string, modelVersion: string, rows: Parameters<Store['saveAnalyses']>[2], opts?: { rulesPending?: boolean }) {
    return analysis.saveAnalyses(this.db, this.adapter, this.clock, workspaceId, modelVersion, rows, opts?.rulesPending ?? true);
  }
  rulesPendingMessages(workspaceId: string, limit: number, opts?: rulesPending.RulesPendingQuery) {
    return rulesPending.rulesPendingMessages(this.db, workspaceId, limit, opts);
  }
  markRulesChecked(workspaceId: string, messageIds: readonly string[]) {
    return rulesPending.markRulesChecked(this.db, this.adapter, workspaceId, messageIds);
  }
  messagesForAnalysis(workspaceId: string, messageIds: readonly string[]) {
    return analysisJobs.messagesForAnalysis(this.db, this.adapter.maxParams, workspaceId, messageIds);
  }
  analysisBacklog(workspaceId: string, query: Parameters<Store['analysisBacklog']>[1]) {
    return analysisJobs.analysisBacklog(this.db, workspaceId, query);
  }

  messageFacts(workspaceId: string, filter?: FactFilter) { return facts.messageFacts(this.db, this.adapter, workspaceId, filter); }
  iterateMessageFacts(workspaceId: string, filter?: FactFilter, pageSize?: number) {
    return facts.iterateMessageFacts(this.db, this.adapter, workspaceId, filter, pageSize);
  }
  surveyFacts(workspaceId: string, filter?: FactFilter) { return facts.surveyFacts(this.db, workspaceId, filter); }
  employeeFacts(workspaceId: string) { return facts.employeeFacts(this.db, workspaceId); }
  factDelta(workspaceId: string, since: FactWatermark) { return factDeltas.factDelta(this.db, workspaceId, since); }
  changeMarkers(workspaceId: string) { return workspaces.changeMarkers(this.db, workspaceId); }

  listMessages(workspaceId: string, filter: FactFilter, limit: number, cursor?: string | null) {
    return listening.listMessages(this.db, this.adapter, workspaceId, filter, limit, cursor);
  }
  customerHistory(workspaceId: string, customerId: string) {
    return listening.customerHistory(this.db, this.adapter, workspaceId, customerId);
  }

  counts(workspaceId: string) { return counts(this.db, workspaceId); }
  dataVersion(workspaceId: string) { return workspaces.dataVersion(this.db, workspaceId); }
  latestActivity(workspaceId: string, before: Date) { return latestActivity(this.db, workspaceId, before); }

  saveAssessment(workspaceId: string, a: Parameters<Store['saveAssessment']>[1]) { return assessments.saveAssessment(this.db, this.clock, workspaceId, a); }
  listAssessments(workspaceId: string, limit?: number) { return assessments.listAssessments(this.db, workspaceId, limit); }

  beginImport(workspaceId: string, sourceId: string, file: Parameters<Store['beginImport']>[2]) {
    return importLog.beginImport(this.db, this.clock, workspaceId, sourceId, file);
  }
  finishImport(workspaceId: string, importId: string, records: number, keepIfNothingAdded: boolean) {
    return importLog.finishImport(this.db, this.clock, workspaceId, importId, records, keepIfNothingAdded);
  }
  listImports(workspaceId: string) { return importLog.listImports(this.db, workspaceId); }
  undoImport(workspaceId: string, importId: string, actor?: string) { return undoImport(this.db, this.adapter, this.clock, workspaceId, importId, actor); }
  eraseCustomer(workspaceId: string, externalId: string, actor?: string) { return eraseCustomer(this.db, this.adapter, this.clock, workspaceId, externalId, actor); }
  applyRetention(workspaceId: string, months: number, opts?: Parameters<Store['applyRetention']>[2]) {
    return applyRetention(this.db, this.adapter, this.clock, workspaceId, months, opts);
  }
  auditLog(workspaceId: string, limit?: number) { return listAudit(this.db, workspaceId, limit); }

  // Cases (CaseStore): close-the-loop cases and root causes; never bump the data version.
  openCase(workspaceId: string, input: Parameters<Store['openCase']>[1]) { return cases.openCase(this.db, this.adapter, this.clock, workspaceId, input); }
  listCases(workspaceId: string, filter: Parameters<Store['listCases']>[1] = {}) { return caseReads.listCases(this.db, workspaceId, filter, this.clock()); }
  allCases(workspaceId: string, scope?: Parameters<Store['allCases']>[1]) { return caseReads.allCases(this.db, workspaceId, scope); }
  getCase(workspaceId: string, caseId: string) { return caseReads.getCase(this.db, this.adapter, workspaceId, caseId); }
  updateCase(workspaceId: string, caseId: string, update: Parameters<Store['updateCase']>[2]) {
    return caseUpdates.updateCase(this.db, this.adapter, this.clock, workspaceId, caseId, update);
  }
  addCaseNote(workspaceId: string, caseId: string, text: string, actor: string) {
    return caseUpdates.addCaseNote(this.db, this.adapter, this.clock, workspaceId, caseId, text, actor);
  }
  upsertRootCause(workspaceId: string, input: Parameters<Store['upsertRootCause']>[1]) { return rootCauses.upsertRootCause(this.db, this.clock, workspaceId, input); }
  updateRootCause(workspaceId: string, id: string, update: Parameters<Store['updateRootCause']>[2]) {
    return rootCauses.updateRootCause(this.db, this.clock, workspaceId, id, update);
  }
  listRootCauses(workspaceId: string) { return rootCauses.listRootCauses(this.db, workspaceId); }

  // Deliveries (OutboxStore): the durable outbox and its attempt log.
  claimDueDeliveries(workspaceId: string, now: Date, opts: { limit: number; leaseMs: number }) {
    return outbox.claimDueDeliveries(this.db, this.adapter, workspaceId, now, opts);
  }
  recordDeliveryAttempt(attempt: Parameters<Store['recordDeliveryAttempt']>[0]) { return outbox.recordDeliveryAttempt(this.db, this.adapter, attempt); }
  destinationLoads(destinations: readonly string[], since: Date) { return outbox.destinationLoads(this.db, destinations, since); }
  listDeliveries(workspaceId: string, filter?: Parameters<Store['listDeliveries']>[1]) { return outbox.listDeliveries(this.db, workspaceId, filter); }
  retryDelivery(workspaceId: string, id: string, now: Date) { return outbox.retryDelivery(this.db, workspaceId, id, now); }

  // Label corrections and idempotent HTTP ingestion (CorrectionStore); never bump the data version.
  addCorrection(workspaceId: string, messageId: string, input: Parameters<Store['addCorrection']>[2]) {
    return corrections.addCorrection(this.db, this.clock, workspaceId, messageId, input);
  }
  listCorrections(workspaceId: string, messageIds: readonly string[]) { return corrections.listCorrections(this.db, this.adapter, workspaceId, messageIds); }
  correctedMessageIds(workspaceId: string, afterId: string | null, limit: number) { return corrections.correctedMessageIds(this.db, workspaceId, afterId, limit); }
  findIngestRequest(workspaceId: string, key: string) { return corrections.findIngestRequest(this.db, workspaceId, key); }
  saveIngestRequest(workspaceId: string, key: string, bodySha256: string, response: unknown) {
    return corrections.saveIngestRequest(this.db, this.clock, workspaceId, key, bodySha256, response);
  }

  // Accounts (AccountStore): users, roles per workspace, sessions, API tokens, the API's audit lines.
  countUsers() { return accounts.countUsers(this.db); }
  addUser(workspaceId: string, input: Parameters<Store['addUser']>[1]) { return accounts.addUser(this.db, this.clock, workspaceId, input); }
  setRole(workspaceId: string, email: string, role: Parameters<Store['setRole']>[2]) { return accounts.setRole(this.db, this.clock, workspaceId, email, role); }
  findUserByEmail(email: string) { return accounts.findUserByEmail(this.db, email); }
  listMembers(workspaceId: string) { return accounts.listMembers(this.db, workspaceId); }
  roleOf(workspaceId: string, userId: string) { return accounts.roleOf(this.db, workspaceId, userId); }
  removeMember(workspaceId: string, email: string) { return accounts.removeMember(this.db, workspaceId, email); }
  createSession(input: Parameters<Store['createSession']>[0]) { return accounts.createSession(this.db, input); }
  findSession(idHash: string, now: Date) { return accounts.findSession(this.db, idHash, now); }
  deleteSession(idHash: string) { return accounts.deleteSession(this.db, idHash); }
  createApiToken(workspaceId: string, input: Parameters<Store['createApiToken']>[1]) { return accounts.createApiToken(this.db, this.clock, workspaceId, input); }
  listApiTokens(workspaceId: string) { return accounts.listApiTokens(this.db, workspaceId); }
  revokeApiToken(workspaceId: string, nameOrId: string) { return accounts.revokeApiToken(this.db, this.clock, workspaceId, nameOrId); }
  useApiToken(tokenHash: string) { return accounts.useApiToken(this.db, this.clock, tokenHash); }
  recordAudit(workspaceId: string, entry: Parameters<Store['recordAudit']>[1]) { return accounts.recordAudit(this.db, this.clock, workspaceId, entry); }

  // Alert rules (RuleStore): versioned rules and the alerts they raise; never bump the data version.
  addRule(workspaceId: string, definition: unknown, createdBy?: string) { return rules.addRule(this.db, this.clock, workspaceId, definition, createdBy); }
  listRules(workspaceId: string, opts?: { includeRemoved?: boolean }) { return rules.listRules(this.db, workspaceId, opts?.includeRemoved); }
  getRule(workspaceId: string, ruleId: string) { return rules.getRule(this.db, workspaceId, ruleId); }
  ruleVersions(workspaceId: string, ruleId: string) { return rules.ruleVersions(this.db, workspaceId, ruleId); }
  updateRule(workspaceId: string, ruleId: string, definition: unknown, createdBy?: string) {
    return rules.updateRule(this.db, this.adapter, this.clock, workspaceId, ruleId, definition, createdBy);
  }
  removeRule(workspaceId: string, ruleId: string) { return rules.removeRule(this.db, workspaceId, ruleId); }
  factsOfMessages(workspaceId: string, messageIds: readonly string[]) { return rules.factsOfMessages(this.db, this.adapter, workspaceId, messageIds); }
  conversationSurveys(workspaceId: string, conversationIds: readonly string[]) { return rules.conversationSurveys(this.db, this.adapter, workspaceId, conversationIds); }
  writeAlerts(workspaceId: string, drafts: Parameters<Store['writeAlerts']>[1]) { return alerts.writeAlerts(this.db, this.adapter, workspaceId, drafts); }
  listAlerts(workspaceId: string, opts?: Parameters<Store['listAlerts']>[1]) { return alerts.listAlerts(this.db, workspaceId, opts); }
  acknowledgeAlert(workspaceId: string, alertId: string) { return alerts.acknowledgeAlert(this.db, workspaceId, alertId); }

  // Empathy drills (DrillStore): attempts and the messages drills are built from; never bump the data version.
  saveDrillAttempt(workspaceId: string, attempt: Parameters<Store['saveDrillAttempt']>[1]) { return drills.saveDrillAttempt(this.db, this.clock, workspaceId, attempt); }
  listDrillAttempts(workspaceId: string, opts?: Parameters<Store['listDrillAttempts']>[1]) { return drills.listDrillAttempts(this.db, workspaceId, opts); }
  drillSource(workspaceId: string, messageId: string) { return drills.drillSource(this.db, workspaceId, messageId); }
  drillPeople(workspaceId: string, since: Date) { return drills.drillPeople(this.db, workspaceId, since); }
}
